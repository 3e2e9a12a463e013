using System.Collections.Concurrent;
using Appliance.Pipeline.Tracing;
using Appliance.Service.Runtime;
using TurnTrace = Appliance.Service.Runtime.TurnTrace;

namespace Appliance.Host.Runtime;

/// <summary>
/// The last turns as the admin API sees them. A pipeline TurnSummary holds moments (ms after the end of
/// speech); the API wants spans, so each stage spans from the previous moment to its own.
/// </summary>
internal sealed class TurnTraceRing(int capacity = 200)
{
    private readonly ConcurrentQueue<TurnTrace> _turns = new();

    public void Add(TurnTrace trace)
    {
        _turns.Enqueue(trace);
        while (_turns.Count > capacity && _turns.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<TurnTrace> Recent(int max) => _turns.Reverse().Take(max).ToList();

    public static TurnTrace From(TurnSummary s, string id, DateTimeOffset startedAt)
    {
        var stages = new List<StageSpan>();
        double? previous = null;
        foreach (var (stage, ms) in s.StageMs.OrderBy(p => p.Value))
        {
            stages.Add(new StageSpan(stage, previous ?? ms, ms));
            previous = ms;
        }
        double? voiceToVoice = s.StageMs.TryGetValue("first_audio_played", out var v) ? v : null;
        var outcome = s.Outcome.ToString().ToLowerInvariant();
        return new TurnTrace(id, startedAt, stages, voiceToVoice, s.Outcome == TurnOutcome.Interrupted, outcome,
            s.UserText, s.SpokenText);
    }
}
