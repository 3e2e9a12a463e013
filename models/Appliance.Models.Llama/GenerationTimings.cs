namespace Appliance.Models.Llama;

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    EndOfGeneration,
    MaxTokens,
    StopString,
    ContextFull,
    Cancelled,
}

/// <summary>
/// Measured per generation with a monotonic clock (not llama_perf, so reuse is visible per call).
/// Prefill covers decoding the prompt tokens that were not already in the KV cache.
/// </summary>
/// <param name="PromptTokens">Tokens of the whole prompt.</param>
/// <param name="PromptTokensEvaluated">Prompt tokens decoded by this call.</param>
/// <param name="PromptTokensReused">Prompt tokens whose KV cells were kept from the previous call (common prefix).</param>
/// <param name="GeneratedTokens">Tokens sampled (including the one that ended generation, excluding EOG).</param>
/// <param name="TimeToFirstTokenMs">Call start to the first sampled token (prefill + one sample).</param>
/// <param name="PrefillMs">Time spent decoding the evaluated prompt tokens.</param>
/// <param name="DecodeMs">First to last sampled token (GeneratedTokens - 1 decode steps).</param>
public sealed record GenerationTimings(
    int PromptTokens,
    int PromptTokensEvaluated,
    int PromptTokensReused,
    int GeneratedTokens,
    double TimeToFirstTokenMs,
    double PrefillMs,
    double DecodeMs,
    double TotalMs,
    FinishReason FinishReason)
{
    public double PrefillTokensPerSecond => PrefillMs > 0 ? PromptTokensEvaluated * 1000.0 / PrefillMs : 0;

    public double DecodeTokensPerSecond => DecodeMs > 0 && GeneratedTokens > 1 ? (GeneratedTokens - 1) * 1000.0 / DecodeMs : 0;
}
