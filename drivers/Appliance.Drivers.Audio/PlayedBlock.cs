namespace Appliance.Drivers.Audio;

/// <summary>
/// A block handed to the speaker: its stream position (frames at the playback rate, mono), the mono
/// samples and the monotonic time its first sample leaves the DAC. The AEC reference and the avatar's
/// lip-sync clock are fed from these.
/// </summary>
public readonly record struct PlayedBlock(long FirstFrame, ReadOnlyMemory<float> Samples, int SampleRate, long DacTimestamp);

/// <summary>A playback that reports every block it plays.</summary>
public interface IPlaybackMonitor
{
    event Action<PlayedBlock>? BlockPlayed;
}
