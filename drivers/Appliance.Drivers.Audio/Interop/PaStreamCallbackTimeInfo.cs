namespace Appliance.Drivers.Audio.Interop;

/// <summary>
/// Mirror of PaStreamCallbackTimeInfo (portaudio.h, v19.6). We use the blocking API, so it is only
/// mirrored (and layout-tested) for a future callback-mode stream; times are Pa_GetStreamTime seconds.
/// </summary>
internal struct PaStreamCallbackTimeInfo
{
    public double inputBufferAdcTime;
    public double currentTime;
    public double outputBufferDacTime;
}
