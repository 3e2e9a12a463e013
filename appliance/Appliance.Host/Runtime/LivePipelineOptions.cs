namespace Appliance.Host.Runtime;

/// <param name="Llm">"kb" (knowledge-base responder, the embedded default) or a GGUF path (llama.cpp).</param>
/// <param name="Replay">16 kHz mono WAVs spoken to the pipeline instead of a microphone (then silence); playback goes to a clocked file sink. Null/empty = live PortAudio devices.</param>
/// <param name="Threads">llama.cpp threads (null = all cores).</param>
/// <param name="ReplayGap">Silence after each replayed recording (room for the reply before the next question).</param>
/// <param name="DedicatedAudioThread">Run the conversation loop on its own thread (AudioLoopThread); false = on the thread pool (the bench's baseline).</param>
/// <param name="ReplayOut">Replay only: folder where what the speaker played is recorded (played.f32 + played.jsonl, see PlayedAudioLog); null = not recorded.</param>
public sealed record LivePipelineOptions(string Llm = "kb", IReadOnlyList<string>? Replay = null, int? Threads = null, TimeSpan? ReplayGap = null, bool DedicatedAudioThread = true, string? ReplayOut = null)
{
    public bool IsReplay => Replay is { Count: > 0 };
}
