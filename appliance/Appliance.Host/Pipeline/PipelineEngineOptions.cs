namespace Appliance.Host.Pipeline;

/// <param name="Llm">"kb" (the knowledge-base responder, embedded default), "synthetic" (Qwen2.5-0.5B-shaped random weights, Q4_0, for latency), or a GGUF path.</param>
/// <param name="Threads">llama.cpp threads (null = all cores).</param>
/// <param name="MaxTokens">Reply length cap for the LLM.</param>
/// <param name="EndpointMs">Silence that ends an utterance (silero min_silence).</param>
/// <param name="Knowledge">Knowledge folder; null = the bundled sample booth.</param>
/// <param name="ModelsDir">
/// Provisioned models (provisioning copies each role's files to models/&lt;role&gt;/); null = the active
/// provisioned configuration, /var/lib/appliance/config/current/models. A sherpa-onnx model folder
/// in asr/ or tts/ replaces the embedded pocketsphinx / espeak-ng engine, a silero .onnx in vad/ the bundled
/// one, and openWakeWord classifiers in wake/ add wake keywords (dialog.wakeWord).
/// </param>
public sealed record PipelineEngineOptions(string Llm = "kb", int? Threads = null, int MaxTokens = 48, int EndpointMs = 400, string? Knowledge = null, string? ModelsDir = null)
{
    public const string ProvisionedModelsDir = "/var/lib/appliance/config/current/models";

    /// <summary>The provisioned .onnx files of a role ("vad", "wake"), by name; empty when none.</summary>
    public IReadOnlyList<string> ProvisionedModels(string role) =>
        ProvisionedFolder(role) is { } dir
            ? [.. Directory.EnumerateFiles(dir, "*.onnx").Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The provisioned folder for a role ("asr", "tts") when it holds files, else null.</summary>
    public string? ProvisionedFolder(string role)
    {
        var dir = Path.Combine(ModelsDir ?? ProvisionedModelsDir, role);
        return Directory.Exists(dir) && Directory.EnumerateFiles(dir).Any() ? dir : null;
    }
}
