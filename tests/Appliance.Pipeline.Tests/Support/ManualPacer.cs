using Appliance.Pipeline.Replay;

using Appliance.TestSupport.Fakes;

namespace Appliance.Pipeline.Tests.Support;

/// <summary>
/// Paces a scripted microphone on a <see cref="ManualTimeProvider"/>: each block moves virtual time to
/// its capture moment. A tiny real pause per block lets the pipeline's background work keep up, so
/// the virtual timeline stays close to what a live device would see.
/// </summary>
public sealed class ManualPacer(ManualTimeProvider clock, TimeSpan? realPausePerBlock = null) : IFramePacer
{
    public async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var pause = realPausePerBlock ?? TimeSpan.FromMilliseconds(1);
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
        clock.SetTimestamp(timestamp);
    }
}
