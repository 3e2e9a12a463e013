namespace Appliance.Drivers.Leds.Strips;

/// <summary>A colour in 8-bit sRGB components.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Black => default;

    /// <summary>This colour at <paramref name="level"/> (0..1) of its brightness.</summary>
    public Rgb Scale(double level)
    {
        var l = Math.Clamp(level, 0, 1);
        return new Rgb((byte)Math.Round(R * l), (byte)Math.Round(G * l), (byte)Math.Round(B * l));
    }

    public static Rgb Parse(string hex)
    {
        var s = hex.TrimStart('#');
        if (s.Length != 6 || !uint.TryParse(s, System.Globalization.NumberStyles.HexNumber, null, out var v))
        {
            throw new FormatException($"'{hex}' is not a colour; use #RRGGBB");
        }
        return new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
