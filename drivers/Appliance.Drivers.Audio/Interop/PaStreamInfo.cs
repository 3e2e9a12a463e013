namespace Appliance.Drivers.Audio.Interop;

/// <summary>Mirror of PaStreamInfo (portaudio.h, v19.6): the latencies PortAudio actually got, seconds.</summary>
internal struct PaStreamInfo
{
    public int structVersion;
    public double inputLatency;
    public double outputLatency;
    public double sampleRate;
}
