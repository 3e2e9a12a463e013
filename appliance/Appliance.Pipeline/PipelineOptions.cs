using Appliance.Pipeline.Text;

namespace Appliance.Pipeline;

/// <param name="BargeIn">Whether the visitor can interrupt the avatar.</param>
/// <param name="Wake">What wakes the kiosk from idle.</param>
/// <param name="IdleAfter">Listening without any speech for this long returns to idle.</param>
/// <param name="Splitter">Sentence splitting (early first clause etc.).</param>
/// <param name="SentenceQueue">Sentences buffered between the LLM and TTS.</param>
/// <param name="AudioQueue">Synthesised chunks buffered between TTS and playback (TTS runs this far ahead).</param>
/// <param name="Log">One line per turn (the trace) and per notable event; null = silent.</param>
public sealed record PipelineOptions(
    BargeInMode BargeIn = BargeInMode.On,
    WakeMode Wake = WakeMode.Speech,
    TimeSpan? IdleAfter = null,
    SplitterOptions? Splitter = null,
    int SentenceQueue = 8,
    int AudioQueue = 4,
    Action<string>? Log = null)
{
    public TimeSpan EffectiveIdleAfter => IdleAfter ?? TimeSpan.FromSeconds(30);
}
