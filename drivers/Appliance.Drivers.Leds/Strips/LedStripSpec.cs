using Appliance.Drivers.Leds.Spi;

namespace Appliance.Drivers.Leds.Strips;

/// <summary>An installed strip as configured (provisioning.yaml leds section).</summary>
/// <param name="Type">apa102, sk9822 or ws2812.</param>
/// <param name="Device">spidev node, e.g. /dev/spidev0.0.</param>
/// <param name="Count">LEDs in the chain.</param>
/// <param name="Order">Colour byte order on the wire; null = the chip's native order.</param>
/// <param name="Brightness">0..31: APA102/SK9822 global current; WS2812 has none, so colours are scaled instead.</param>
public sealed record LedStripSpec(string Type, string Device, int Count, ColorOrder? Order = null, int Brightness = 31)
{
    public const uint Apa102ClockHz = 8_000_000;

    /// <summary>The bus clock the strip type needs.</summary>
    public uint ClockHz => Type.Equals("ws2812", StringComparison.OrdinalIgnoreCase) ? Ws2812SpiStrip.RequiredClockHz : Apa102ClockHz;

    /// <summary>Colour scale for chips without a global brightness field (1 for APA102/SK9822).</summary>
    public double ColourScale => Type.Equals("ws2812", StringComparison.OrdinalIgnoreCase) ? Math.Clamp(Brightness, 0, 31) / 31.0 : 1.0;

    /// <summary>
    /// Opens the strip on a bus from <paramref name="openSpi"/> (path, clock → bus; the real spidev by
    /// default). Bad values and a missing node throw with the field or path named.
    /// </summary>
    public ILedStrip Open(Func<string, uint, ISpiDevice>? openSpi = null)
    {
        if (Brightness is < 0 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(Brightness), $"leds.brightness {Brightness} is out of range (0..31)");
        }
        var type = Type.ToLowerInvariant();
        if (type is not ("apa102" or "sk9822" or "ws2812"))
        {
            throw new ArgumentException($"unknown LED type '{Type}'; use apa102, sk9822 or ws2812");
        }
        var spi = (openSpi ?? ((path, hz) => new SpidevDevice(path, hz)))(Device, ClockHz);
        try
        {
            return type switch
            {
                "ws2812" => new Ws2812SpiStrip(spi, Count, Order ?? ColorOrder.GRB),
                _ => new Apa102Strip(spi, Count, Order ?? ColorOrder.BGR, (byte)Brightness, sk9822: type == "sk9822"),
            };
        }
        catch
        {
            spi.Dispose();
            throw;
        }
    }
}
