namespace Appliance.Service.Runtime;

/// <summary>Audio as the admin API sees it: device list, live levels, a test tone on the output.</summary>
public interface IAudioControl
{
    IReadOnlyList<AudioDeviceInfo> Devices();

    AudioLevels Levels();

    Task PlayTestToneAsync(double frequencyHz, int durationMs, CancellationToken cancellationToken);
}
