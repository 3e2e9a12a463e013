using Microsoft.Extensions.Logging;

namespace Appliance.Service.Runtime.Standby;

/// <summary>
/// Audio view without the pipeline: the ALSA cards the kernel lists in /proc/asound/cards (real
/// devices, no audio opened), zero levels, and a test tone that is refused with a clear message.
/// </summary>
public sealed class ProcAsoundAudio(ILogger<ProcAsoundAudio> logger) : IAudioControl
{
    public IReadOnlyList<AudioDeviceInfo> Devices()
    {
        const string cards = "/proc/asound/cards";
        if (!File.Exists(cards))
        {
            return [];
        }
        var list = new List<AudioDeviceInfo>();
        foreach (var line in File.ReadLines(cards))
        {
            // " 0 [PCH            ]: HDA-Intel - HDA Intel PCH"
            var trimmed = line.TrimStart();
            var bracket = trimmed.IndexOf('[');
            if (bracket <= 0 || !int.TryParse(trimmed[..bracket].Trim(), out var index))
            {
                continue;
            }
            var dash = trimmed.IndexOf(" - ", StringComparison.Ordinal);
            var name = dash > 0 ? trimmed[(dash + 3)..].Trim() : trimmed;
            list.Add(new AudioDeviceInfo($"hw:{index}", name, 0, 0, false));
        }
        return list;
    }

    public AudioLevels Levels() => new([], [], -120);

    public Task PlayTestToneAsync(double frequencyHz, int durationMs, CancellationToken cancellationToken)
    {
        logger.LogWarning("Test tone requested but no audio pipeline is wired");
        throw new InvalidOperationException("No audio output is open (the pipeline is not running).");
    }
}
