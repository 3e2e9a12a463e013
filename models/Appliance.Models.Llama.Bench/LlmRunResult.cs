using System.Text.Json.Serialization;

namespace Appliance.Models.Llama.Bench;

/// <summary>Medians over the repeats of one <see cref="LlmRunSpec"/> (names as in MEASURE.md).</summary>
public sealed record LlmRunResult
{
    [JsonPropertyName("runner")] public string Runner { get; init; } = "";
    [JsonPropertyName("variant")] public string Variant { get; init; } = "";
    [JsonPropertyName("threads")] public int Threads { get; init; }
    [JsonPropertyName("prefill_tokens")] public int PrefillTokens { get; init; }
    [JsonPropertyName("generated_tokens")] public int GeneratedTokens { get; init; }
    [JsonPropertyName("repeats")] public int Repeats { get; init; }
    [JsonPropertyName("llm_prefill_tok_s")] public double PrefillTokS { get; init; }
    [JsonPropertyName("llm_decode_tok_s")] public double DecodeTokS { get; init; }
    [JsonPropertyName("ttft_ms")] public double TtftMs { get; init; }

    /// <summary>Second turn sharing the persona+first-turn prefix, KV prefix kept (null unless PersonaTest).</summary>
    [JsonPropertyName("second_turn_ttft_ms_reuse")] public double? SecondTurnTtftReuseMs { get; init; }

    /// <summary>The same second turn with the cache cleared first.</summary>
    [JsonPropertyName("second_turn_ttft_ms_no_reuse")] public double? SecondTurnTtftNoReuseMs { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }
}
