using System.Buffers.Binary;
using System.IO.Compression;

namespace Appliance.Avatar.Tests;

/// <summary>
/// Just enough PNG decoding to compare screenshots pixel by pixel: 8-bit RGB/RGBA, not interlaced
/// (what Chromium writes). Returns RGBA.
/// </summary>
internal sealed record PngPixels(int Width, int Height, byte[] Rgba)
{
    public static PngPixels Decode(byte[] png)
    {
        var idat = new MemoryStream();
        int width = 0, height = 0, colorType = 0;
        for (var pos = 8; pos < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || (data[9] != 2 && data[9] != 6))
                {
                    throw new NotSupportedException("only 8-bit non-interlaced RGB/RGBA PNG");
                }
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            pos += 12 + length;
        }
        var bpp = colorType == 6 ? 4 : 3;
        var stride = width * bpp;
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.ReadExactly(raw);
        }
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
                int v = raw[y * (stride + 1) + 1 + x];
                v += filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad PNG filter {filter}"),
                };
                pixels[y * stride + x] = (byte)v;
            }
        }
        if (bpp == 4)
        {
            return new PngPixels(width, height, pixels);
        }
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            rgba[i * 4] = pixels[i * 3];
            rgba[i * 4 + 1] = pixels[i * 3 + 1];
            rgba[i * 4 + 2] = pixels[i * 3 + 2];
            rgba[i * 4 + 3] = 255;
        }
        return new PngPixels(width, height, rgba);
    }

    /// <summary>Fraction of pixels whose colour differs by more than a little (anti-aliasing noise).</summary>
    public double DifferentFraction(PngPixels other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return 1;
        }
        var differ = 0;
        for (var i = 0; i < Width * Height; i++)
        {
            var d = Math.Abs(Rgba[i * 4] - other.Rgba[i * 4]) + Math.Abs(Rgba[i * 4 + 1] - other.Rgba[i * 4 + 1]) + Math.Abs(Rgba[i * 4 + 2] - other.Rgba[i * 4 + 2]);
            if (d > 24)
            {
                differ++;
            }
        }
        return (double)differ / (Width * Height);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
