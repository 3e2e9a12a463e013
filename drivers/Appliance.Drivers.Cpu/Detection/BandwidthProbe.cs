using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Measured memory bandwidth in GB/s (10^9 bytes per second).</summary>
/// <param name="CopyGBps">Multi-threaded copy, bytes read + bytes written per second (STREAM "copy" convention).</param>
/// <param name="ReadGBps">Multi-threaded vectorised read-and-sum: what a decode step does to the weights; roofline uses this.</param>
public sealed record MemoryBandwidth(double CopyGBps, double ReadGBps, int Threads, long BytesPerThread, string Source);

/// <summary>
/// A quick (well under a second) measurement: each thread owns buffers far larger than the last-level
/// cache; the best of a few passes is kept because a shared box only ever makes passes slower.
/// </summary>
public static class BandwidthProbe
{
    public static MemoryBandwidth Measure(int threads = 0, long bytesPerThread = 64L << 20, int passes = 3)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        var sources = new byte[threads][];
        var targets = new byte[threads][];
        for (var t = 0; t < threads; t++)
        {
            sources[t] = GC.AllocateUninitializedArray<byte>((int)bytesPerThread, pinned: true);
            targets[t] = GC.AllocateUninitializedArray<byte>((int)bytesPerThread, pinned: true);
            sources[t].AsSpan().Fill((byte)(t + 1)); // fault the pages in before timing
            targets[t].AsSpan().Clear();
        }
        var bestCopy = double.MaxValue;
        var bestRead = double.MaxValue;
        for (var p = 0; p < passes; p++)
        {
            bestCopy = Math.Min(bestCopy, Time(threads, t => sources[t].AsSpan().CopyTo(targets[t])));
            bestRead = Math.Min(bestRead, Time(threads, t => Sum(sources[t])));
        }
        var total = (double)bytesPerThread * threads;
        return new(2 * total / bestCopy / 1e9, total / bestRead / 1e9, threads, bytesPerThread,
            $"measured: {threads} threads × {bytesPerThread >> 20} MiB, best of {passes} passes");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Time(int threads, Action<int> work)
    {
        using var start = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var id = t;
            workers[t] = new Thread(() => { start.SignalAndWait(); work(id); }) { IsBackground = true };
            workers[t].Start();
        }
        start.SignalAndWait();
        var sw = Stopwatch.StartNew();
        foreach (var w in workers)
        {
            w.Join();
        }
        return sw.Elapsed.TotalSeconds;
    }

    // Fully optimised from the first call: tier-0 code would measure the JIT, not the memory.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Sum(byte[] data)
    {
        var vectors = MemoryMarshal.Cast<byte, Vector<ulong>>(data);
        var acc = Vector<ulong>.Zero;
        foreach (var v in vectors)
        {
            acc += v;
        }
        return Vector.Sum(acc);
    }
}
