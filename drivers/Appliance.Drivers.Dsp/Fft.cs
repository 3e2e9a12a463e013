using System.Numerics;

namespace Appliance.Drivers.Dsp;

/// <summary>
/// In-place iterative radix-2 complex FFT with precomputed twiddles. Small and allocation-free per
/// call: GCC-PHAT needs a few FFTs of 512–2048 points per block, far from where a library would pay.
/// </summary>
public sealed class Fft
{
    private readonly Complex[] twiddles;
    private readonly int[] bitReverse;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"FFT size {size} must be a power of two");
        }
        Size = size;
        twiddles = new Complex[size / 2];
        for (var i = 0; i < size / 2; i++)
        {
            twiddles[i] = Complex.FromPolarCoordinates(1, -2 * Math.PI * i / size);
        }
        bitReverse = new int[size];
        var bits = System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < size; i++)
        {
            bitReverse[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        }
    }

    public int Size { get; }

    public static int NextPowerOfTwo(int n) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, n));

    public void Forward(Span<Complex> data) => Transform(data, inverse: false);

    /// <summary>Inverse transform, scaled by 1/N.</summary>
    public void Inverse(Span<Complex> data)
    {
        Transform(data, inverse: true);
        var scale = 1.0 / Size;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] *= scale;
        }
    }

    private void Transform(Span<Complex> data, bool inverse)
    {
        if (data.Length != Size)
        {
            throw new ArgumentException($"FFT input must have {Size} points, got {data.Length}");
        }
        for (var i = 0; i < Size; i++)
        {
            var j = bitReverse[i];
            if (j > i)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }
        for (var len = 2; len <= Size; len <<= 1)
        {
            var half = len / 2;
            var step = Size / len;
            for (var start = 0; start < Size; start += len)
            {
                for (var k = 0; k < half; k++)
                {
                    var w = twiddles[k * step];
                    if (inverse)
                    {
                        w = Complex.Conjugate(w);
                    }
                    var a = data[start + k];
                    var b = data[start + k + half] * w;
                    data[start + k] = a + b;
                    data[start + k + half] = a - b;
                }
            }
        }
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
