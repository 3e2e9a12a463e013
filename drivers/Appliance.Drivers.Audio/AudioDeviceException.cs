namespace Appliance.Drivers.Audio;

/// <summary>An audio device problem a technician can act on: unknown device, unsupported format, device gone.</summary>
public class AudioDeviceException(string message, int paError = 0) : Exception(message)
{
    /// <summary>The PortAudio error code, 0 when the problem was found before calling PortAudio.</summary>
    public int PaError { get; } = paError;
}

/// <summary>The device stopped delivering (unplugged, driver reset); the reopen loop handles it.</summary>
public sealed class AudioDeviceLostException(string message, int paError = 0) : AudioDeviceException(message, paError);
