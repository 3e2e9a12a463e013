namespace Appliance.Pipeline.Replay;

/// <summary>Median, 95th percentile and count of a latency in ms (nearest-rank percentiles).</summary>
public sealed record LatencyStats(double? P50, double? P95, double? Max, int N)
{
    public static LatencyStats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(null, null, null, 0);
        }
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(Math.Round(Rank(0.5), 1), Math.Round(Rank(0.95), 1), Math.Round(sorted[^1], 1), sorted.Length);
    }
}
