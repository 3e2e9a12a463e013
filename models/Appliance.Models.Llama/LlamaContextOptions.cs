namespace Appliance.Models.Llama;

/// <summary>Context (KV cache) settings; everything else keeps llama_context_default_params().</summary>
public sealed record LlamaContextOptions
{
    /// <summary>Tokens of context; null = min(model's training context, 4096).</summary>
    public int? ContextLength { get; init; }

    /// <summary>Max tokens per llama_decode call during prefill.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Threads for single-token decode; null = processor count.</summary>
    public int? Threads { get; init; }

    /// <summary>Threads for prompt prefill; null = same as <see cref="Threads"/>.</summary>
    public int? BatchThreads { get; init; }

    public static LlamaContextOptions Default { get; } = new();
}
