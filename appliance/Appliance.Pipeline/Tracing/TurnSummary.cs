using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Pipeline.Tracing;

/// <summary>
/// A finished turn: what was heard and said, who answered, and each stage's time in ms after the end
/// of the user's speech (negative for the speech start). Logged as one JSON line per turn.
/// </summary>
public sealed record TurnSummary(
    int Turn,
    TurnOutcome Outcome,
    string UserText,
    string Language,
    string Source,
    string SpokenText,
    string? Reason,
    IReadOnlyDictionary<string, double> StageMs)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToLogLine() => "turn " + JsonSerializer.Serialize(this, Json);
}
