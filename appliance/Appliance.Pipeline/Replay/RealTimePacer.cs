namespace Appliance.Pipeline.Replay;

/// <summary>Waits on the clock, so recordings arrive like a live microphone's blocks.</summary>
public sealed class RealTimePacer(TimeProvider clock) : IFramePacer
{
    public async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var ticks = timestamp - clock.GetTimestamp();
        if (ticks > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)ticks / clock.TimestampFrequency), clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
