namespace Appliance.Models.EspeakNg.Tests;

/// <summary>Median F0 of the voiced frames, by normalised autocorrelation (good enough to compare two voices).</summary>
internal static class PitchEstimator
{
    public static double MedianF0(float[] samples, int sampleRate)
    {
        const int frame = 1024;
        var minLag = sampleRate / 400;
        var maxLag = sampleRate / 60;
        var estimates = new List<double>();
        var peak = samples.Max(Math.Abs);
        for (var start = 0; start + frame + maxLag < samples.Length; start += frame / 2)
        {
            double energy = 0;
            for (var i = 0; i < frame; i++)
            {
                energy += samples[start + i] * samples[start + i];
            }
            if (Math.Sqrt(energy / frame) < 0.1 * peak)
            {
                continue;
            }
            var bestLag = 0;
            var best = 0.0;
            for (var lag = minLag; lag <= maxLag; lag++)
            {
                double c = 0, e2 = 0;
                for (var i = 0; i < frame; i++)
                {
                    c += samples[start + i] * samples[start + i + lag];
                    e2 += samples[start + i + lag] * samples[start + i + lag];
                }
                var r = c / Math.Sqrt(energy * e2 + 1e-12);
                if (r > best)
                {
                    best = r;
                    bestLag = lag;
                }
            }
            if (best > 0.6)
            {
                estimates.Add((double)sampleRate / bestLag);
            }
        }
        Assert.True(estimates.Count > 3, "too few voiced frames to estimate pitch");
        estimates.Sort();
        return estimates[estimates.Count / 2];
    }
}
