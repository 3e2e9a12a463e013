using System.Runtime.InteropServices;

namespace Appliance.Models.Gguf.Synthetic;

/// <summary>
/// Random weight bytes, fast enough for multi-GB models: one pool of seeded uniform values (std ≈ 0.02,
/// the usual init scale, so activations stay finite) is generated once and each tensor is streamed
/// from a different random starting point in it.
/// </summary>
public sealed class RandomWeights
{
    private const int PoolSize = 1 << 22;
    private readonly Half[] _halves = new Half[PoolSize];
    private readonly float[] _floats = new float[PoolSize];
    private readonly Random _random;

    public RandomWeights(int seed)
    {
        _random = new Random(seed);
        const float amplitude = 0.0346f; // uniform(-a, a) has std a/sqrt(3) = 0.02
        for (var i = 0; i < PoolSize; i++)
        {
            var v = (float)(_random.NextDouble() * 2 - 1) * amplitude;
            _floats[i] = v;
            _halves[i] = (Half)v;
        }
    }

    public void WriteF16(Stream stream, long elements) => WriteFromPool(stream, MemoryMarshal.AsBytes(_halves.AsSpan()), elements * 2, 2);

    public void WriteF32(Stream stream, long elements) => WriteFromPool(stream, MemoryMarshal.AsBytes(_floats.AsSpan()), elements * 4, 4);

    /// <summary>Constant values (RMS-norm gains are 1).</summary>
    public static void WriteF32Constant(Stream stream, long elements, float value)
    {
        var buffer = new float[Math.Min(elements, 1 << 16)];
        Array.Fill(buffer, value);
        for (var left = elements; left > 0; left -= buffer.Length)
        {
            stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, (int)Math.Min(left, buffer.Length))));
        }
    }

    private void WriteFromPool(Stream stream, ReadOnlySpan<byte> pool, long bytes, int elementSize)
    {
        var start = _random.Next(PoolSize) * elementSize;
        while (bytes > 0)
        {
            var n = (int)Math.Min(bytes, pool.Length - start);
            stream.Write(pool.Slice(start, n));
            bytes -= n;
            start = 0;
        }
    }
}
