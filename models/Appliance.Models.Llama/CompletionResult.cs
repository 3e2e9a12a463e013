namespace Appliance.Models.Llama;

/// <summary>A finished completion: text as emitted (stop strings removed), token ids sampled, timings.</summary>
public sealed record CompletionResult(string Text, IReadOnlyList<int> Tokens, GenerationTimings Timings);
