using Appliance.Pipeline.Events;

namespace Appliance.Pipeline.Replay;

/// <summary>Everything a replay produced: the report plus the raw material for output files.</summary>
public sealed record ReplaySession(
    ReplayReport Report,
    IReadOnlyList<PipelineEvent> Events,
    ScriptedCapture Capture,
    ClockedPlayback Playback,
    long EndTimestamp);
