using Appliance.Drivers.Leds.Strips;

namespace Appliance.Drivers.Leds.Tests;

public class StripFrameTests
{
    private static readonly Rgb Red = new(0xFF, 0, 0);
    private static readonly Rgb Green = new(0, 0xFF, 0);
    private static readonly Rgb Odd = new(1, 2, 3);

    [Fact]
    public void Apa102_frame_has_start_led_and_end_frames_in_bgr_order()
    {
        var spi = new FakeSpiDevice();
        var strip = new Apa102Strip(spi, 3);
        strip.Pixels[0] = Red;
        strip.Pixels[1] = Green;
        strip.Pixels[2] = Odd;
        strip.Show();
        byte[] expected =
        [
            0x00, 0x00, 0x00, 0x00,
            0xFF, 0x00, 0x00, 0xFF,
            0xFF, 0x00, 0xFF, 0x00,
            0xFF, 0x03, 0x02, 0x01,
            0xFF, 0xFF, 0xFF, 0xFF,
        ];
        Assert.Equal(expected, spi.Last);
    }

    [Fact]
    public void Apa102_global_brightness_goes_into_every_led_header()
    {
        var spi = new FakeSpiDevice();
        var strip = new Apa102Strip(spi, 2, globalBrightness: 7);
        strip.Show();
        Assert.Equal(0xE7, spi.Last[4]);
        Assert.Equal(0xE7, spi.Last[8]);
        strip.GlobalBrightness = 0;
        strip.Show();
        Assert.Equal(0xE0, spi.Last[4]);
    }

    [Fact]
    public void Apa102_end_frame_grows_with_chain_length()
    {
        var spi = new FakeSpiDevice();
        new Apa102Strip(spi, 100).Show();
        // 100 LEDs need 50 extra clock edges: 7 bytes (>= 4).
        Assert.Equal(4 + 400 + 7, spi.Last.Length);
        Assert.All(spi.Last[^7..], b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Sk9822_adds_a_zero_reset_frame_and_zero_end_frame()
    {
        var spi = new FakeSpiDevice();
        var strip = new Apa102Strip(spi, 3, sk9822: true);
        strip.Pixels[2] = Odd;
        strip.Show();
        Assert.Equal(4 + 12 + 4 + 4, spi.Last.Length);
        Assert.Equal(new byte[] { 0xFF, 0x03, 0x02, 0x01 }, spi.Last[12..16]);
        Assert.All(spi.Last[16..], b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(ColorOrder.RGB, 1, 2, 3)]
    [InlineData(ColorOrder.RBG, 1, 3, 2)]
    [InlineData(ColorOrder.GRB, 2, 1, 3)]
    [InlineData(ColorOrder.GBR, 2, 3, 1)]
    [InlineData(ColorOrder.BRG, 3, 1, 2)]
    [InlineData(ColorOrder.BGR, 3, 2, 1)]
    public void Colour_order_permutes_the_wire_bytes(ColorOrder order, byte a, byte b, byte c)
    {
        var spi = new FakeSpiDevice();
        var strip = new Apa102Strip(spi, 1, order);
        strip.Pixels[0] = Odd;
        strip.Show();
        Assert.Equal(new[] { a, b, c }, spi.Last[5..8]);
    }

    [Fact]
    public void Ws2812_encodes_each_bit_as_three_spi_bits_in_grb_order_then_latches()
    {
        var spi = new FakeSpiDevice(Ws2812SpiStrip.RequiredClockHz);
        var strip = new Ws2812SpiStrip(spi, 1);
        strip.Pixels[0] = new Rgb(0xFF, 0x00, 0x80);
        strip.Show();
        // G=0x00 -> 100×8, R=0xFF -> 110×8, B=0x80 -> 110 then 100×7.
        byte[] led = [0x92, 0x49, 0x24, 0xDB, 0x6D, 0xB6, 0xD2, 0x49, 0x24];
        Assert.Equal(0, spi.Last[0]);
        Assert.Equal(led, spi.Last[1..10]);
        Assert.Equal(1 + 9 + 90, spi.Last.Length);
        Assert.All(spi.Last[10..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Ws2812_refuses_a_bus_at_the_wrong_clock()
    {
        var e = Assert.Throws<ArgumentException>(() => new Ws2812SpiStrip(new FakeSpiDevice(8_000_000), 12));
        Assert.Contains("2400000", e.Message);
    }

    [Fact]
    public void Disposing_a_strip_turns_it_off()
    {
        var spi = new FakeSpiDevice();
        var strip = new Apa102Strip(spi, 2);
        strip.Pixels.Fill(Red);
        strip.Show();
        strip.Dispose();
        Assert.Equal(new byte[] { 0xFF, 0, 0, 0, 0xFF, 0, 0, 0 }, spi.Last[4..12]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5000)]
    public void Chain_length_is_validated(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Apa102Strip(new FakeSpiDevice(), count));
    }

    [Fact]
    public void Parses_hex_colours_and_rejects_garbage()
    {
        Assert.Equal(new Rgb(0x12, 0xAB, 0xFF), Rgb.Parse("#12abff"));
        Assert.Throws<FormatException>(() => Rgb.Parse("blue"));
    }
}
