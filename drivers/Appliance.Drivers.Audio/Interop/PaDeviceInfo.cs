namespace Appliance.Drivers.Audio.Interop;

/// <summary>Mirror of PaDeviceInfo (portaudio.h, v19.6). Latencies in seconds (PaTime = double).</summary>
internal unsafe struct PaDeviceInfo
{
    public int structVersion;
    public byte* name; // UTF-8; for ALSA the PCM name technicians see ("hw:1,0", "kiosk_mic", ...)
    public int hostApi;
    public int maxInputChannels;
    public int maxOutputChannels;
    public double defaultLowInputLatency;
    public double defaultLowOutputLatency;
    public double defaultHighInputLatency;
    public double defaultHighOutputLatency;
    public double defaultSampleRate;
}
