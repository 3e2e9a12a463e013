namespace Appliance.Drivers.Dsp;

/// <summary>
/// Finds how far the echo in the mic lags the far-end reference (device buffering + acoustic path)
/// by GCC-PHAT over a window of a few seconds. The echo canceller's filter only spans its tail
/// length, so the reference is delayed by this much (minus a safety margin) before it reaches MDF.
/// </summary>
public sealed class DelayEstimator(int sampleRate, double maxDelaySeconds = 0.5)
{
    public int MaxLag { get; } = (int)(sampleRate * maxDelaySeconds);

    /// <summary>Delay of the echo in <paramref name="mic"/> behind <paramref name="reference"/>, in samples, or null when nothing correlates.</summary>
    public int? Estimate(ReadOnlySpan<float> reference, ReadOnlySpan<float> mic)
    {
        var energy = 0.0;
        foreach (var v in reference)
        {
            energy += v * v;
        }
        if (energy < 1e-6 * reference.Length || mic.Length == 0)
        {
            return null;
        }
        var (lag, peak) = GccPhat.Delay(reference, mic, MaxLag);
        // A whitened correlation of unrelated signals peaks around a few /sqrt(N); require a clear peak.
        return peak > 0.05 && lag >= 0 ? (int)lag : null;
    }
}
