using Appliance.Core.Dialog;

namespace Appliance.Dialog;

/// <param name="HistoryTokenBudget">Tokens of past exchanges kept in the prompt (newest first).</param>
/// <param name="KnowledgeFacts">Retrieved entries injected into the LLM prompt.</param>
/// <param name="FactThreshold">Minimum confidence for an entry to be injected as a fact.</param>
/// <param name="CuratedThreshold">Minimum confidence for a curated intent to be answered verbatim, bypassing the LLM.</param>
/// <param name="Generation">Sampling for the LLM; short replies keep latency low.</param>
public sealed record DialogOptions(
    int HistoryTokenBudget = 512,
    int KnowledgeFacts = 3,
    double FactThreshold = 0.3,
    double CuratedThreshold = 0.75,
    GenerationOptions? Generation = null)
{
    public GenerationOptions EffectiveGeneration => Generation ?? new GenerationOptions(MaxTokens: 96, Temperature: 0.6f);
}
