using Appliance.TestSupport.Fakes;

namespace Appliance.Drivers.Audio.Tests;

/// <summary>
/// `run --replay`'s microphone: the recordings after a 0.5 s lead-in, paced by the clock, and a
/// reader that falls more than 2 s behind loses the oldest blocks like a sound card (counted).
/// </summary>
public sealed class ReplayMicrophoneTests
{
    [Fact]
    public async Task Plays_the_script_in_time_and_drops_only_what_a_device_queue_could_not_hold()
    {
        var clock = new ManualTimeProvider();
        var counters = new AudioCounters();
        var recording = Enumerable.Repeat(0.5f, 5 * 16000).ToArray(); // 0.5 s … 5.5 s of the script
        var mic = new ReplayMicrophone([recording], clock, TimeSpan.FromSeconds(1), blocking: false, counters);
        using var stop = new CancellationTokenSource();
        await using var frames = mic.ReadAsync(stop.Token).GetAsyncEnumerator();

        // In time: one 20 ms block per 20 ms, the lead-in silent, no loss.
        for (var i = 0; i < 25; i++)
        {
            var next = frames.MoveNextAsync();
            Assert.False(next.IsCompleted);            // waits for the block to be "recorded"
            clock.Advance(TimeSpan.FromMilliseconds(20));
            Assert.True(await next);
            Assert.Equal(i * 320L, frames.Current.FirstFrame);
            Assert.All(frames.Current.Samples, s => Assert.Equal(0f, s));
        }
        Assert.Equal(0, counters.DroppedBlocks);

        // The reader stalls for 5 s: 250 blocks became due, the 2 s queue holds 100 of them, 150 are lost.
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await frames.MoveNextAsync());
        Assert.Equal(150, counters.DroppedBlocks);
        Assert.Equal((25 + 150) * 320L, frames.Current.FirstFrame);
        Assert.All(frames.Current.Samples, s => Assert.Equal(0.5f, s)); // 3.5 s in: inside the recording

        // The queue drains without waiting and without further loss.
        for (var i = 0; i < 99; i++)
        {
            Assert.True(frames.MoveNextAsync().IsCompleted);
        }
        var waiting = frames.MoveNextAsync();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(150, counters.DroppedBlocks);
        Assert.Equal((25 + 150 + 100) * 320L, counters.FramesCaptured);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
    }
}
