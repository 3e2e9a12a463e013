namespace Appliance.Models.Llama;

/// <summary>How a model is loaded (everything not named here keeps llama_model_default_params()).</summary>
public sealed record LlamaModelOptions
{
    /// <summary>Only the vocabulary (tokenizer/template work without weights).</summary>
    public bool VocabOnly { get; init; }

    /// <summary>false = read the file into memory instead of mmap (llama_load_mode NONE).</summary>
    public bool UseMmap { get; init; } = true;

    /// <summary>Runtime options used when the runtime is not initialised yet.</summary>
    public LlamaRuntimeOptions? Runtime { get; init; }

    public static LlamaModelOptions Default { get; } = new();
}
