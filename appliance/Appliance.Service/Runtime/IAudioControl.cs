namespace Appliance.Service.Runtime;

/// <summary>Audio as the admin API sees it: device list, live levels, a test tone on the output.</summary>
public interface IAudioControl
{
    IReadOnlyList<AudioDeviceInfo> Devices();

    AudioLevels Levels();

    /// <summary>Throws AudioBusyException (→ 409) while the speaker is in use, InvalidOperationException (→ 503) without an output device.</summary>
    Task PlayTestToneAsync(double frequencyHz, int durationMs, CancellationToken cancellationToken);
}
