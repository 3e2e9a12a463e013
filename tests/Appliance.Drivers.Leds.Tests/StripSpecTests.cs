using Appliance.Drivers.Leds.Patterns;
using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Tests;

/// <summary>Strips opened from configuration (provisioning.yaml leds.*) and the technician's test patterns.</summary>
public class StripSpecTests
{
    [Fact]
    public void Each_type_opens_on_its_bus_clock_with_its_native_order_and_brightness()
    {
        var opened = new List<(string, uint)>();
        FakeSpiDevice Bus(string path, uint hz, List<(string, uint)> log)
        {
            log.Add((path, hz));
            return new FakeSpiDevice(hz);
        }

        var ws = new LedStripSpec("ws2812", "/dev/spidev1.0", 3, Brightness: 31).Open((p, hz) => Bus(p, hz, opened));
        Assert.IsType<Ws2812SpiStrip>(ws);
        Assert.Equal(ColorOrder.GRB, ((Ws2812SpiStrip)ws).Order);
        var sk = (Apa102Strip)new LedStripSpec("SK9822", "/dev/spidev0.0", 5, ColorOrder.RGB, 7).Open((p, hz) => Bus(p, hz, opened));
        Assert.True(sk.Sk9822);
        Assert.Equal(ColorOrder.RGB, sk.Order);
        Assert.Equal(7, sk.GlobalBrightness);
        Assert.Equal([("/dev/spidev1.0", Ws2812SpiStrip.RequiredClockHz), ("/dev/spidev0.0", LedStripSpec.Apa102ClockHz)], opened);
        Assert.Equal(16 / 31.0, new LedStripSpec("ws2812", "/dev/spidev0.0", 1, Brightness: 16).ColourScale, 6);
        Assert.Equal(1.0, new LedStripSpec("apa102", "/dev/spidev0.0", 1, Brightness: 16).ColourScale);
    }

    [Fact]
    public void Bad_values_name_the_field_and_never_leave_the_bus_open()
    {
        Assert.Contains("unknown LED type 'neopixel'", Assert.Throws<ArgumentException>(() => new LedStripSpec("neopixel", "/dev/spidev0.0", 4).Open((_, hz) => new FakeSpiDevice(hz))).Message);
        Assert.Contains("leds.brightness 40", Assert.Throws<ArgumentOutOfRangeException>(() => new LedStripSpec("apa102", "/dev/spidev0.0", 4, Brightness: 40).Open((_, hz) => new FakeSpiDevice(hz))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedStripSpec("apa102", "/dev/spidev0.0", 0).Open((_, hz) => new FakeSpiDevice(hz)));
        Assert.Contains("cannot open SPI device /dev/spidev9.9", Assert.Throws<IOException>(() => new LedStripSpec("apa102", "/dev/spidev9.9", 4).Open()).Message);
    }

    [Fact]
    public void Test_patterns_light_what_a_technician_checks()
    {
        var theme = LedTheme.Default;
        var pixels = new Rgb[8];
        TestPatterns.Render("all-on", TimeSpan.Zero, theme, pixels);
        Assert.All(pixels, p => Assert.Equal(new Rgb(153, 153, 153), p));

        TestPatterns.Render("chase", TimeSpan.FromSeconds(0.3), theme, pixels);
        Assert.Equal(2, Array.FindIndex(pixels, p => p != Rgb.Black)); // one LED, 0.3 of the way round 8
        Assert.Single(pixels, p => p != Rgb.Black);

        TestPatterns.Render("rainbow", TimeSpan.Zero, theme, pixels);
        Assert.Equal(8, pixels.Distinct().Count());

        var states = new Rgb[8];
        var idle = new Rgb[8];
        TestPatterns.Render("states", TestPatterns.StateStep * 2 + TimeSpan.FromMilliseconds(100), theme, states);
        LedPatterns.Render(new LedScene(LedState.Thinking), TestPatterns.StateStep * 2 + TimeSpan.FromMilliseconds(100), theme, idle);
        Assert.Equal(idle, states); // third step: the thinking spinner

        LedPatterns.Render(new LedScene(LedState.Test, TestPattern: "off"), TimeSpan.Zero, theme, pixels);
        Assert.All(pixels, p => Assert.Equal(Rgb.Black, p));
        LedPatterns.Render(new LedScene(LedState.Muted), TimeSpan.Zero, theme, pixels);
        Assert.All(pixels, p => Assert.Equal(new Rgb(18, 1, 0), p));
    }
}
