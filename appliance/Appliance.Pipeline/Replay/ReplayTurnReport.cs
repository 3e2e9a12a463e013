namespace Appliance.Pipeline.Replay;

/// <summary>What happened to one replayed recording.</summary>
/// <param name="VoiceToVoiceMs">Last voiced sample of the recording → first audible reply sample played (MEASURE.md).</param>
/// <param name="BargeInMs">For an interrupting recording: its first voiced sample → last audible sample of the interrupted reply.</param>
/// <param name="StageMs">The turn's trace, ms after the end of speech.</param>
public sealed record ReplayTurnReport(
    string Utterance,
    string Transcript,
    string Reply,
    string Source,
    string Outcome,
    double? VoiceToVoiceMs,
    double? BargeInMs,
    IReadOnlyDictionary<string, double> StageMs);
