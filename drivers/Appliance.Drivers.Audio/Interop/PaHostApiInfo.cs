namespace Appliance.Drivers.Audio.Interop;

/// <summary>Mirror of PaHostApiInfo (portaudio.h, v19.6).</summary>
internal unsafe struct PaHostApiInfo
{
    public int structVersion;
    public int type; // PaHostApiTypeId (paALSA = 8, paJACK = 12, ...)
    public byte* name; // UTF-8
    public int deviceCount;
    public int defaultInputDevice;
    public int defaultOutputDevice;
}
