namespace Appliance.Service.Runtime;

/// <summary>
/// A finished (or cancelled) turn. Text fields are the conversation itself; the API only shows them
/// when the privacy setting allows it. VoiceToVoiceMs follows MEASURE.md (null when nothing was spoken).
/// </summary>
public sealed record TurnTrace(
    string Id,
    DateTimeOffset StartedAt,
    IReadOnlyList<StageSpan> Stages,
    double? VoiceToVoiceMs,
    bool BargedIn,
    string Outcome,
    string? UserText,
    string? ReplyText);
