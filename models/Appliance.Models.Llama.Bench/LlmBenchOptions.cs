namespace Appliance.Models.Llama.Bench;

/// <summary>What `bench llm` measures. Models are "stories260k", a synthetic "SHAPE:TYPE" (e.g. "qwen2.5-0.5b:q4_0") or a GGUF path.</summary>
public sealed record LlmBenchOptions(
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Variants,
    IReadOnlyList<int> Threads,
    int PrefillTokens = 128,
    int DecodeTokens = 32,
    int Repeats = 2,
    bool Native = true,
    bool Persona = true)
{
    public static IReadOnlyList<string> DefaultModels { get; } = ["stories260k", "qwen2.5-0.5b:q4_0", "qwen2.5-0.5b:q8_0", "qwen2.5-0.5b:bf16"];
}
