using Appliance.Drivers.Leds.Spi;

namespace Appliance.Drivers.Leds.Strips;

/// <summary>
/// WS2812/WS2812B/SK6812 (one-wire, 800 kHz) driven through SPI MOSI: at 2.4 MHz each data bit becomes
/// three SPI bits, 1 → 110 and 0 → 100 (high 417 ns / 833 ns, within the datasheet's ±150 ns), so one
/// LED takes 9 bytes. A leading zero byte settles MOSI low; the trailing 90 zero bytes (300 µs) latch
/// the frame, enough for WS2812B-V5's 280 µs reset. Native colour order is G, R, B.
/// </summary>
public sealed class Ws2812SpiStrip : ILedStrip
{
    public const uint RequiredClockHz = 2_400_000;
    private const int LeadBytes = 1;
    private const int ResetBytes = 90;
    private static readonly uint[] Encoded = BuildTable();
    private readonly ISpiDevice _spi;
    private readonly Rgb[] _pixels;
    private readonly byte[] _frame;

    public Ws2812SpiStrip(ISpiDevice spi, int count, ColorOrder order = ColorOrder.GRB)
    {
        if (count is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"a WS2812 chain of {count} LEDs is not supported (1..1024)");
        }
        if (spi.ClockHz != RequiredClockHz)
        {
            throw new ArgumentException($"WS2812 over SPI needs the bus clock at {RequiredClockHz} Hz; it is {spi.ClockHz} Hz", nameof(spi));
        }
        _spi = spi;
        Order = order;
        _pixels = new Rgb[count];
        _frame = new byte[LeadBytes + 9 * count + ResetBytes];
    }

    public int Count => _pixels.Length;

    public ColorOrder Order { get; }

    public Span<Rgb> Pixels => _pixels;

    public void Show()
    {
        Span<byte> wire = stackalloc byte[3];
        for (var i = 0; i < _pixels.Length; i++)
        {
            Order.Write(_pixels[i], wire);
            var dest = _frame.AsSpan(LeadBytes + 9 * i, 9);
            for (var c = 0; c < 3; c++)
            {
                var bits = Encoded[wire[c]];
                dest[3 * c] = (byte)(bits >> 16);
                dest[3 * c + 1] = (byte)(bits >> 8);
                dest[3 * c + 2] = (byte)bits;
            }
        }
        _spi.Write(_frame);
    }

    public void Dispose()
    {
        Array.Clear(_pixels);
        Show();
    }

    /// <summary>The 24 SPI bits for every byte value, most significant data bit first.</summary>
    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var v = 0; v < 256; v++)
        {
            uint bits = 0;
            for (var b = 7; b >= 0; b--)
            {
                bits = bits << 3 | ((v >> b & 1) == 1 ? 0b110u : 0b100u);
            }
            table[v] = bits;
        }
        return table;
    }
}
