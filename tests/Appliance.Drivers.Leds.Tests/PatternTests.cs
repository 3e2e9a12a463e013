using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Tests;

public class PatternTests
{
    private const int N = 12;
    private static readonly LedTheme Theme = LedTheme.Default;

    private static Rgb[] Render(LedScene scene, double seconds, LedTheme? theme = null)
    {
        var pixels = new Rgb[N];
        LedPatterns.Render(scene, TimeSpan.FromSeconds(seconds), theme ?? Theme, pixels);
        return pixels;
    }

    private static int Sum(Rgb c) => c.R + c.G + c.B;

    [Fact]
    public void Idle_breathes_between_dim_and_brighter_over_four_seconds()
    {
        var trough = Render(new LedScene(LedState.Idle), 0)[0];
        var peak = Render(new LedScene(LedState.Idle), 2)[0];
        Assert.True(Sum(peak) > 3 * Sum(trough), $"{peak} vs {trough}");
        Assert.Equal(trough, Render(new LedScene(LedState.Idle), 4)[0]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 3)]
    [InlineData(180, 6)]
    [InlineData(-90, 9)]
    [InlineData(359, 0)]
    public void Listening_lights_the_led_facing_the_speaker(double doa, int expectedLed)
    {
        var pixels = Render(new LedScene(LedState.Listening, DoaDegrees: doa), 0);
        var brightest = Array.IndexOf(pixels, pixels.MaxBy(Sum));
        Assert.Equal(expectedLed, brightest);
        Assert.True(Sum(pixels[(expectedLed + N / 2) % N]) < Sum(pixels[expectedLed]) / 5);
    }

    [Fact]
    public void Ring_offset_and_direction_come_from_the_theme()
    {
        var theme = Theme with { ZeroDegreesLed = 2, Clockwise = true };
        var pixels = Render(new LedScene(LedState.Listening, DoaDegrees: 90), 0, theme);
        Assert.Equal(((2 - 3) % N + N) % N, Array.IndexOf(pixels, pixels.MaxBy(Sum)));
    }

    [Fact]
    public void Thinking_spinner_advances_one_turn_per_second()
    {
        int Head(double t)
        {
            var p = Render(new LedScene(LedState.Thinking), t);
            return Array.IndexOf(p, p.MaxBy(Sum));
        }
        Assert.Equal(0, Head(0));
        Assert.Equal(3, Head(0.25));
        Assert.Equal(6, Head(0.5));
        Assert.Equal(0, Head(1.0));
    }

    [Fact]
    public void Speaking_brightness_follows_the_audio_level()
    {
        var quiet = Render(new LedScene(LedState.Speaking, AudioLevel: 0.05), 0)[0];
        var loud = Render(new LedScene(LedState.Speaking, AudioLevel: 0.9), 0)[0];
        Assert.True(Sum(loud) > 2 * Sum(quiet));
    }

    [Fact]
    public void Error_blinks_red_at_one_hertz()
    {
        var on = Render(new LedScene(LedState.Error), 0.25);
        var off = Render(new LedScene(LedState.Error), 0.75);
        Assert.All(on, c => Assert.True(c.R > 100 && c.G < 20));
        Assert.All(off, c => Assert.Equal(Rgb.Black, c));
    }

    [Fact]
    public void Provisioning_lights_a_share_of_the_ring_equal_to_progress()
    {
        var pixels = Render(new LedScene(LedState.Provisioning, Progress: 0.5), 0.75);
        Assert.Equal(6, pixels.Count(c => Sum(c) > 100));
        Assert.Equal(Rgb.Black, pixels[11]);
    }

    [Fact]
    public void Off_is_black()
    {
        Assert.All(Render(LedScene.Off, 3), c => Assert.Equal(Rgb.Black, c));
    }
}
