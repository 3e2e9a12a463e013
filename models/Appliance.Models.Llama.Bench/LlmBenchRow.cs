using System.Text.Json.Serialization;

namespace Appliance.Models.Llama.Bench;

/// <summary>One model × quant × variant × threads line of the report.</summary>
public sealed record LlmBenchRow
{
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("quant")] public string Quant { get; init; } = "";
    [JsonPropertyName("model_tensor_bytes")] public long TensorBytes { get; init; }
    [JsonPropertyName("variant")] public string Variant { get; init; } = "";
    [JsonPropertyName("threads")] public int Threads { get; init; }
    [JsonPropertyName("llm_prefill_tok_s")] public double PrefillTokS { get; init; }
    [JsonPropertyName("llm_decode_tok_s")] public double DecodeTokS { get; init; }
    [JsonPropertyName("ttft_ms")] public double TtftMs { get; init; }
    [JsonPropertyName("native_prefill_tok_s")] public double? NativePrefillTokS { get; init; }
    [JsonPropertyName("native_decode_tok_s")] public double? NativeDecodeTokS { get; init; }

    /// <summary>(native − C#) / native on decode tok/s; MEASURE.md binding_overhead_pct.</summary>
    [JsonPropertyName("binding_overhead_pct")] public double? BindingOverheadPct { get; init; }

    [JsonPropertyName("binding_overhead_prefill_pct")] public double? BindingOverheadPrefillPct { get; init; }

    /// <summary>decode tok/s × tensor bytes / measured read bandwidth.</summary>
    [JsonPropertyName("roofline_pct")] public double? RooflinePct { get; init; }

    [JsonPropertyName("second_turn_ttft_ms_reuse")] public double? SecondTurnTtftReuseMs { get; init; }
    [JsonPropertyName("second_turn_ttft_ms_no_reuse")] public double? SecondTurnTtftNoReuseMs { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}
