using System.Runtime.InteropServices;

namespace Appliance.Drivers.Audio.Interop;

/// <summary>Mirror of PaStreamParameters (portaudio.h, v19.6). sampleFormat is a C unsigned long.</summary>
internal unsafe struct PaStreamParameters
{
    public int device;
    public int channelCount;
    public CULong sampleFormat; // PaSampleFormat bit flags (paFloat32 = 1, paInt16 = 8)
    public double suggestedLatency; // seconds
    public void* hostApiSpecificStreamInfo;
}
