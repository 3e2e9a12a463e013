using Appliance.Pipeline.Text;

namespace Appliance.Pipeline;

/// <param name="BargeIn">Whether the visitor can interrupt the avatar.</param>
/// <param name="Wake">What wakes the kiosk from idle.</param>
/// <param name="IdleAfter">Listening without any speech for this long returns to idle.</param>
/// <param name="Splitter">Sentence splitting (early first clause etc.).</param>
/// <param name="SentenceQueue">Sentences buffered between the LLM and TTS.</param>
/// <param name="AudioQueue">Synthesised chunks buffered between TTS and playback (TTS runs this far ahead).</param>
/// <param name="Log">One line per turn (the trace) and per notable event; null = silent.</param>
/// <param name="StreamingAsr">Decode while the visitor speaks when the recogniser can stream (else after the endpoint, whole).</param>
/// <param name="AsrPreRoll">Audio fed to the stream from before the VAD's onset (null = 300 ms; the VAD backdates its segments ~100 ms).</param>
/// <param name="AsrQueue">Audio blocks the decoder may fall behind by before the turn decodes the segment whole instead.</param>
/// <param name="AsrPartialEvery">Decoded audio between partial-hypothesis events (null = 500 ms; zero = none).</param>
/// <param name="Profile">Persona and voice, read at the start of each turn (a reload swaps what it returns); null = the dialog's persona and the engine's default voice.</param>
/// <param name="CurrentWake">What wakes the kiosk, read on every voice onset (a reload switches it from the next block); null = <paramref name="Wake"/>.</param>
public sealed record PipelineOptions(
    BargeInMode BargeIn = BargeInMode.On,
    WakeMode Wake = WakeMode.Speech,
    TimeSpan? IdleAfter = null,
    SplitterOptions? Splitter = null,
    int SentenceQueue = 8,
    int AudioQueue = 4,
    Action<string>? Log = null,
    bool StreamingAsr = true,
    TimeSpan? AsrPreRoll = null,
    int AsrQueue = 2048,
    TimeSpan? AsrPartialEvery = null,
    Func<TurnProfile>? Profile = null,
    Func<WakeMode>? CurrentWake = null)
{
    public WakeMode EffectiveWake => CurrentWake?.Invoke() ?? Wake;

    public TimeSpan EffectiveIdleAfter => IdleAfter ?? TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveAsrPreRoll => AsrPreRoll ?? TimeSpan.FromMilliseconds(300);

    public TimeSpan EffectiveAsrPartialEvery => AsrPartialEvery ?? TimeSpan.FromMilliseconds(500);
}
