using System.Diagnostics;
using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Drivers.Dsp.Measurements;

/// <summary>Echo return loss enhancement after convergence, for the linear AEC alone and after residual-echo suppression.</summary>
/// <param name="AecErleDb">10·log10(mic power / AEC output power) over converged, far-end-active blocks</param>
/// <param name="TotalErleDb">the same after the preprocessor (residual echo + denoise)</param>
/// <param name="TrueDelay">bulk delay of the synthetic path (samples)</param>
/// <param name="EstimatedDelay">what <see cref="DelayEstimator"/> found (samples), null if nothing</param>
/// <param name="BlockMicros">per-block processing cost, median µs</param>
public sealed record ErleReport(double AecErleDb, double TotalErleDb, int TrueDelay, int? EstimatedDelay, double BlockMicros, int Blocks);

/// <summary>
/// Measures the echo canceller on a synthetic echo path: real speech as far end, played through a
/// synthetic room impulse response (RT60 <see cref="Rt60"/>), delayed by <see cref="DelaySamples"/>, with
/// white noise <see cref="NoiseBelowEchoDb"/> below the echo. The reference is aligned with
/// <see cref="DelayEstimator"/> first, as on the device.
/// </summary>
public sealed record ErleMeasurement(int DelaySamples = 800, double Rt60 = 0.15, int RirLength = 1600, double NoiseBelowEchoDb = 45, double ConvergenceSeconds = 5, int Seed = 7)
{
    public ErleReport Run(float[] far, int sampleRate = 16000, int echoTailMs = 128)
    {
        var rir = TestSignals.RoomImpulseResponse(sampleRate, RirLength, Rt60, Seed);
        var mic = TestSignals.Echo(far, rir, gain: 0.5, DelaySamples, NoiseBelowEchoDb, Seed + 1);
        return Evaluate(far, mic, ConvergenceSeconds, sampleRate, echoTailMs) with { TrueDelay = DelaySamples };
    }

    /// <summary>
    /// Aligns <paramref name="reference"/> to <paramref name="mic"/> (GCC-PHAT over the first 4 s), runs the
    /// front end (AEC + residual echo + denoise) block by block and measures ERLE over the far-end-active
    /// blocks after <paramref name="convergenceSeconds"/>. Used on synthetic paths and on real loopback recordings.
    /// </summary>
    public static ErleReport Evaluate(float[] reference, float[] mic, double convergenceSeconds, int sampleRate = 16000, int echoTailMs = 128)
    {
        var length = Math.Min(reference.Length, mic.Length);
        var window = Math.Min(length, sampleRate * 4);
        var estimated = new DelayEstimator(sampleRate).Estimate(reference.AsSpan(0, window), mic.AsSpan(0, window));
        // Start the reference a little early: MDF's filter covers a short pre-echo, a late reference never converges.
        var shift = Math.Max(0, (estimated ?? 0) - 32);
        var options = new FrontEndOptions(Channels: 1, EchoTailMs: echoTailMs, Preprocess: new PreprocessorOptions(Denoise: true, Agc: false));
        using var frontEnd = new AudioFrontEnd(options);
        var n = frontEnd.FrameSize;
        var aligned = new float[n];
        var output = new float[n];
        double micPower = 0, aecPower = 0, totalPower = 0;
        var costs = new List<double>();
        var blocks = 0;
        for (var start = 0; start + n <= length; start += n)
        {
            for (var i = 0; i < n; i++)
            {
                var src = start + i - shift;
                aligned[i] = src >= 0 ? reference[src] : 0f;
            }
            var micBlock = mic.AsSpan(start, n);
            var t0 = Stopwatch.GetTimestamp();
            frontEnd.Process(micBlock, aligned, output);
            costs.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
            if (start < convergenceSeconds * sampleRate || Power(aligned) < 1e-5)
            {
                continue;
            }
            blocks++;
            micPower += Power(micBlock);
            aecPower += Power(frontEnd.LastAecOutput);
            totalPower += Power(output);
        }
        costs.Sort();
        return new ErleReport(
            Db(micPower, aecPower), Db(micPower, totalPower), 0, estimated,
            costs.Count == 0 ? 0 : costs[costs.Count / 2], blocks);
    }

    private static double Db(double a, double b) => 10 * Math.Log10(a / Math.Max(b, 1e-20));

    internal static double Power(ReadOnlySpan<float> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }
        return sum / Math.Max(1, x.Length);
    }
}
