using System.Text.Json.Serialization;

namespace Appliance.Models.Llama.Bench;

/// <summary>The whole `bench llm --json` output.</summary>
public sealed record LlmBenchReport
{
    [JsonPropertyName("cpu")] public string Cpu { get; init; } = "";
    [JsonPropertyName("usable_variants")] public IReadOnlyList<string> UsableVariants { get; init; } = [];
    [JsonPropertyName("memory_read_gb_s")] public double ReadGBps { get; init; }
    [JsonPropertyName("memory_copy_gb_s")] public double CopyGBps { get; init; }
    [JsonPropertyName("bandwidth_source")] public string BandwidthSource { get; init; } = "";
    [JsonPropertyName("prefill_tokens")] public int PrefillTokens { get; init; }
    [JsonPropertyName("decode_tokens")] public int DecodeTokens { get; init; }
    [JsonPropertyName("repeats")] public int Repeats { get; init; }
    [JsonPropertyName("rows")] public IReadOnlyList<LlmBenchRow> Rows { get; init; } = [];

    /// <summary>Best AMX/AVX-512 variant prefill ÷ haswell (AVX2) prefill per model, or why it could not be measured.</summary>
    [JsonPropertyName("simd_prefill_ratio_vs_avx2")] public IReadOnlyDictionary<string, string> SimdPrefillRatio { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("notes")] public IReadOnlyList<string> Notes { get; init; } = [];
}
