namespace Appliance.Host.Pipeline;

/// <param name="Llm">"kb" (the knowledge-base responder, embedded default), "synthetic" (Qwen2.5-0.5B-shaped random weights, Q4_0, for latency), or a GGUF path.</param>
/// <param name="Threads">llama.cpp threads (null = all cores).</param>
/// <param name="MaxTokens">Reply length cap for the LLM.</param>
/// <param name="EndpointMs">Silence that ends an utterance (silero min_silence).</param>
/// <param name="Knowledge">Knowledge folder; null = the bundled sample booth.</param>
public sealed record PipelineEngineOptions(string Llm = "kb", int? Threads = null, int MaxTokens = 48, int EndpointMs = 400, string? Knowledge = null);
