using Appliance.Core.Timing;

namespace Appliance.Pipeline.Tracing;

/// <summary>
/// Monotonic timestamps of one turn's stages. Each stage keeps its first mark (later marks are
/// ignored), so stages may stamp from any thread without coordination.
/// </summary>
public sealed class TurnTrace(TimeProvider clock)
{
    private readonly long?[] _marks = new long?[Enum.GetValues<TraceStage>().Length];

    public TimeProvider Clock => clock;

    public void Mark(TraceStage stage) => Mark(stage, clock.GetTimestamp());

    public void Mark(TraceStage stage, long timestamp)
    {
        lock (_marks)
        {
            _marks[(int)stage] ??= timestamp;
        }
    }

    public long? Get(TraceStage stage)
    {
        lock (_marks)
        {
            return _marks[(int)stage];
        }
    }

    /// <summary>Milliseconds between two marks, or null if either is missing.</summary>
    public double? Between(TraceStage from, TraceStage to) =>
        Get(from) is { } a && Get(to) is { } b ? clock.ElapsedMs(a, b) : null;

    /// <summary>Every mark as ms after the end of speech (the turn's zero).</summary>
    public IReadOnlyDictionary<string, double> RelativeMs()
    {
        var zero = Get(TraceStage.SpeechEnd) ?? Get(TraceStage.EndpointDetected);
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (zero is null)
        {
            return result;
        }
        foreach (var stage in Enum.GetValues<TraceStage>())
        {
            if (Get(stage) is { } t)
            {
                result[ToSnake(stage.ToString())] = Math.Round(clock.ElapsedMs(zero.Value, t), 1);
            }
        }
        return result;
    }

    private static string ToSnake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
