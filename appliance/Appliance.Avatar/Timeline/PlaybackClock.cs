using Appliance.Core.Audio;
using Appliance.Avatar.Sync;

namespace Appliance.Avatar.Timeline;

/// <summary>
/// Sample position → server time. The playback device says which frame it has played and when
/// (<see cref="PlaybackPosition"/>); frame N plays (N − played)/rate after that. Reading the position
/// fresh for every batch keeps the timeline on the DAC's clock, not the CPU's guess.
/// </summary>
public sealed class PlaybackClock(AvatarClock clock, Func<PlaybackPosition> position, int sampleRate)
{
    public int SampleRate => sampleRate;

    /// <summary>Server milliseconds at which <paramref name="frame"/> reaches the speaker.</summary>
    public double TimeOfFrame(long frame)
    {
        var p = position();
        return clock.ToMs(p.Timestamp) + (frame - p.FramesPlayed) * 1000.0 / sampleRate;
    }
}
