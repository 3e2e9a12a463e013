using System.Globalization;
using System.Text;

namespace Appliance.Service.Metrics;

/// <summary>A Prometheus histogram (cumulative buckets, sum, count); lock-free observation.</summary>
public sealed class Histogram(double[] upperBounds)
{
    private readonly long[] _counts = new long[upperBounds.Length + 1];
    private long _sumMicros;

    public void Observe(double value)
    {
        var i = 0;
        while (i < upperBounds.Length && value > upperBounds[i])
        {
            i++;
        }
        Interlocked.Increment(ref _counts[i]);
        Interlocked.Add(ref _sumMicros, (long)(value * 1000));
    }

    public long Count => _counts.Sum(c => Interlocked.Read(ref c));

    public void Write(StringBuilder sb, string name, string labels)
    {
        var sep = labels.Length == 0 ? "" : ",";
        long cumulative = 0;
        for (var i = 0; i < upperBounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            sb.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{sep}le=\"{upperBounds[i].ToString(CultureInfo.InvariantCulture)}\"}} {cumulative}\n");
        }
        cumulative += Interlocked.Read(ref _counts[^1]);
        sb.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {cumulative}\n");
        var braces = labels.Length == 0 ? "" : $"{{{labels}}}";
        sb.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {(Interlocked.Read(ref _sumMicros) / 1000.0).ToString(CultureInfo.InvariantCulture)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {cumulative}\n");
    }
}
