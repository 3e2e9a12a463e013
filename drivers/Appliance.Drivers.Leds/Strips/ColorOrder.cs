namespace Appliance.Drivers.Leds.Strips;

/// <summary>The order in which a strip expects the three colour bytes on the wire.</summary>
public enum ColorOrder
{
    RGB,
    RBG,
    GRB,
    GBR,
    BRG,
    BGR,
}

internal static class ColorOrderExtensions
{
    /// <summary>Writes the three components of <paramref name="c"/> in wire order.</summary>
    public static void Write(this ColorOrder order, Rgb c, Span<byte> dest)
    {
        (dest[0], dest[1], dest[2]) = order switch
        {
            ColorOrder.RGB => (c.R, c.G, c.B),
            ColorOrder.RBG => (c.R, c.B, c.G),
            ColorOrder.GRB => (c.G, c.R, c.B),
            ColorOrder.GBR => (c.G, c.B, c.R),
            ColorOrder.BRG => (c.B, c.R, c.G),
            _ => (c.B, c.G, c.R),
        };
    }
}
