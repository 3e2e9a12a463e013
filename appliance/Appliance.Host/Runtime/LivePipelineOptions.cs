namespace Appliance.Host.Runtime;

/// <param name="Llm">"kb" (knowledge-base responder, the embedded default) or a GGUF path (llama.cpp).</param>
/// <param name="Replay">16 kHz mono WAVs spoken to the pipeline instead of a microphone (then silence); playback goes to a clocked file sink. Null/empty = live PortAudio devices.</param>
/// <param name="Threads">llama.cpp threads (null = all cores).</param>
public sealed record LivePipelineOptions(string Llm = "kb", IReadOnlyList<string>? Replay = null, int? Threads = null)
{
    public bool IsReplay => Replay is { Count: > 0 };
}
