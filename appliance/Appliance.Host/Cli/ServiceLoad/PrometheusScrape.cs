using System.Globalization;

namespace Appliance.Host.Cli.ServiceLoad;

/// <summary>One /metrics scrape: sample name with labels → value, and quantiles from histogram bucket deltas.</summary>
internal sealed class PrometheusScrape(IReadOnlyDictionary<string, double> samples)
{
    public static PrometheusScrape Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[line[..space]] = value;
            }
        }
        return new PrometheusScrape(samples);
    }

    public double Value(string name) => samples.GetValueOrDefault(name);

    /// <summary>
    /// Observations of histogram <paramref name="name"/> between <paramref name="before"/> and this scrape,
    /// as (upper bound, count in bucket) pairs with +Inf last.
    /// </summary>
    public List<(double UpperBound, double Count)> BucketDelta(PrometheusScrape before, string name)
    {
        var prefix = name + "_bucket{le=\"";
        var cumulative = samples.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => (Bound: ParseBound(p.Key[prefix.Length..^2]), Count: p.Value - before.Value(p.Key)))
            .OrderBy(b => b.Bound)
            .ToList();
        var result = new List<(double, double)>();
        double previous = 0;
        foreach (var (bound, count) in cumulative)
        {
            result.Add((bound, count - previous));
            previous = count;
        }
        return result;
    }

    /// <summary>
    /// Prometheus histogram_quantile: linear interpolation inside the bucket holding the quantile (the
    /// +Inf bucket answers with the highest finite bound). Null when nothing was observed.
    /// </summary>
    public static double? Quantile(List<(double UpperBound, double Count)> buckets, double q)
    {
        var total = buckets.Sum(b => b.Count);
        if (total <= 0)
        {
            return null;
        }
        var rank = q * total;
        double seen = 0, lower = 0;
        foreach (var (upper, count) in buckets)
        {
            if (seen + count >= rank && count > 0)
            {
                return double.IsPositiveInfinity(upper) ? lower : lower + ((upper - lower) * (rank - seen) / count);
            }
            seen += count;
            if (!double.IsPositiveInfinity(upper))
            {
                lower = upper;
            }
        }
        return lower;
    }

    private static double ParseBound(string text) =>
        text == "+Inf" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
