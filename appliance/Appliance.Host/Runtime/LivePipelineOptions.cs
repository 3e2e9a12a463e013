namespace Appliance.Host.Runtime;

/// <param name="Llm">"auto" (the GGUF provisioned under models/llm when dialog.responder is "llm", else the knowledge-base responder), "kb", "synthetic" or a GGUF path (llama.cpp).</param>
/// <param name="Replay">16 kHz mono WAVs spoken to the pipeline instead of a microphone (then silence); playback goes to a clocked file sink. Null/empty = live PortAudio devices.</param>
/// <param name="Threads">llama.cpp threads (null = all cores).</param>
/// <param name="ReplayGap">Silence after each replayed recording (room for the reply before the next question).</param>
/// <param name="DedicatedAudioThread">Run the conversation loop on its own thread (AudioLoopThread); false = on the thread pool (the bench's baseline).</param>
/// <param name="ReplayOut">Replay only: folder where what the speaker played is recorded (played.f32 + played.jsonl, see PlayedAudioLog); null = not recorded.</param>
/// <param name="ModelsDir">The active provisioned models (&lt;state dir&gt;/config/current/models: asr/, tts/, vad/, wake/); null = /var/lib/appliance's.</param>
public sealed record LivePipelineOptions(string Llm = "auto", IReadOnlyList<string>? Replay = null, int? Threads = null, TimeSpan? ReplayGap = null, bool DedicatedAudioThread = true, string? ReplayOut = null, string? ModelsDir = null)
{
    public bool IsReplay => Replay is { Count: > 0 };
}
