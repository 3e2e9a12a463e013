using Appliance.TestSupport.Fakes;
using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Strips;
using Appliance.TestSupport;

namespace Appliance.Drivers.Leds.Tests;

public class AnimatorTests
{
    [Fact]
    public async Task Frame_rate_is_capped()
    {
        var clock = new ManualTimeProvider();
        var spi = new FakeSpiDevice();
        await using var animator = new LedAnimator(new Apa102Strip(spi, 12), LedTheme.Default, maxFramesPerSecond: 20, clock);
        animator.Scene = new LedScene(LedState.Thinking);
        Assert.True(animator.Tick());
        clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.False(animator.Tick());
        clock.Advance(TimeSpan.FromMilliseconds(80));
        Assert.True(animator.Tick());
        Assert.Equal(2, spi.Frames.Count);
    }

    [Fact]
    public async Task Unchanged_frames_are_not_resent()
    {
        var clock = new ManualTimeProvider();
        var spi = new FakeSpiDevice();
        await using var animator = new LedAnimator(new Apa102Strip(spi, 12), LedTheme.Default, 30, clock);
        animator.Scene = new LedScene(LedState.Speaking, AudioLevel: 0.5);
        Assert.True(animator.Tick());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(animator.Tick());
        animator.Scene = new LedScene(LedState.Speaking, AudioLevel: 0.9);
        Assert.True(animator.Tick());
    }

    [Fact]
    public async Task Timer_loop_drives_frames_and_stopping_turns_leds_off()
    {
        var clock = new ManualTimeProvider();
        var spi = new FakeSpiDevice();
        var animator = new LedAnimator(new Apa102Strip(spi, 4), LedTheme.Default, 10, clock);
        animator.Scene = new LedScene(LedState.Thinking);
        animator.Start();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && spi.Frames.Count < 3;) // the loop starts on the thread pool: bounded by real time, not tries
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }
        Assert.True(spi.Frames.Count >= 3, $"{spi.Frames.Count} frames");
        await animator.DisposeAsync();
        Assert.All(spi.Last[4..20].Chunk(4), led => Assert.Equal(new byte[] { 0xFF, 0, 0, 0 }, led));
    }
}
