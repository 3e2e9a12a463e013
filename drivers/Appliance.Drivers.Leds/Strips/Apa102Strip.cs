using Appliance.Drivers.Leds.Spi;

namespace Appliance.Drivers.Leds.Strips;

/// <summary>
/// APA102 / SK9822 (DotStar) strips. Frame: 4 zero bytes (start), per LED 0b111 + 5-bit global
/// brightness then three colour bytes (native wire order B, G, R), then the end frame. The end frame
/// only supplies the extra clock edges the data needs to ripple through the chain: one bit per two
/// LEDs, rounded up to bytes and at least 4. APA102 uses 0xFF; SK9822 latches on a preceding 4-byte
/// zero "reset" frame and takes zeros as the end frame. The frame buffer is allocated once.
/// </summary>
public sealed class Apa102Strip : ILedStrip
{
    private readonly ISpiDevice _spi;
    private readonly Rgb[] _pixels;
    private readonly byte[] _frame;
    private readonly int _ledsOffset = 4;

    public Apa102Strip(ISpiDevice spi, int count, ColorOrder order = ColorOrder.BGR, byte globalBrightness = 31, bool sk9822 = false)
    {
        if (count is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"an APA102 chain of {count} LEDs is not supported (1..1024)");
        }
        if (globalBrightness > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(globalBrightness), "APA102 global brightness is 0..31");
        }
        _spi = spi;
        Order = order;
        GlobalBrightness = globalBrightness;
        Sk9822 = sk9822;
        _pixels = new Rgb[count];
        var endBytes = Math.Max(4, (count + 15) / 16);
        _frame = new byte[4 + 4 * count + (sk9822 ? 4 : 0) + endBytes];
        if (!sk9822)
        {
            _frame.AsSpan(_frame.Length - endBytes).Fill(0xFF);
        }
    }

    public int Count => _pixels.Length;

    public ColorOrder Order { get; }

    public bool Sk9822 { get; }

    /// <summary>The 5-bit current control every LED frame carries (0..31).</summary>
    public byte GlobalBrightness { get; set; }

    public Span<Rgb> Pixels => _pixels;

    public void Show()
    {
        var header = (byte)(0xE0 | (GlobalBrightness & 0x1F));
        for (var i = 0; i < _pixels.Length; i++)
        {
            var led = _frame.AsSpan(_ledsOffset + 4 * i, 4);
            led[0] = header;
            Order.Write(_pixels[i], led[1..]);
        }
        _spi.Write(_frame);
    }

    /// <summary>Turns every LED off (used when the service stops).</summary>
    public void Dispose()
    {
        Array.Clear(_pixels);
        Show();
    }
}
