namespace Appliance.Pipeline.Replay;

/// <summary>The result of a replay: per-recording reports and the headline latencies.</summary>
public sealed record ReplayReport(
    IReadOnlyList<ReplayTurnReport> Turns,
    LatencyStats VoiceToVoiceMs,
    LatencyStats BargeInMs,
    IReadOnlyDictionary<string, LatencyStats> StageMs,
    int Missed);
