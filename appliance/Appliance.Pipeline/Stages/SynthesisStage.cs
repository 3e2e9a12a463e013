using System.Threading.Channels;
using Appliance.Core.Speech;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Tracing;
using Appliance.Safety;

namespace Appliance.Pipeline.Stages;

/// <summary>
/// Sentences → audio: every sentence passes the compliance filter first (a blocked one is replaced by
/// the persona's line, never spoken), then TTS streams its chunks to the playback stage.
/// </summary>
internal sealed class SynthesisStage(Turn turn, ComplianceFilter compliance, ISpeechSynthesizer synthesizer,
    Func<string, string> blockedReplacement, IPipelineEventSink events, TimeProvider clock, Action<string>? log,
    Func<string, string?>? voiceFor = null)
{
    public async Task RunAsync(ChannelReader<SpokenSentence> input, ChannelWriter<SentenceAudio> output, CancellationToken ct)
    {
        await foreach (var sentence in input.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var text = sentence.Text;
            if (text.Length > 0)
            {
                var verdict = compliance.Check(text);
                if (!verdict.Allowed)
                {
                    log?.Invoke($"turn {turn.Id}: sentence {sentence.Index} blocked ({verdict.Reason})");
                    events.Publish(new SentenceBlocked(clock.GetTimestamp(), turn.Id, sentence.Index, verdict.Reason ?? "blocked"));
                    text = blockedReplacement(sentence.Language);
                }
            }
            var first = true;
            if (text.Length > 0)
            {
                var options = new SynthesisOptions(Language: sentence.Language, Voice: voiceFor?.Invoke(sentence.Language), Emotion: sentence.Emotion);
                await foreach (var chunk in synthesizer.SynthesizeAsync(text, options, ct).ConfigureAwait(false))
                {
                    turn.Trace.Mark(TraceStage.FirstAudioSynthesized);
                    await output.WriteAsync(new SentenceAudio(sentence, text, chunk.Samples, chunk.SampleRate, chunk.Phonemes, first, false), ct).ConfigureAwait(false);
                    first = false;
                }
            }
            await output.WriteAsync(new SentenceAudio(sentence, text, [], synthesizer.SampleRate, [], first, true), ct).ConfigureAwait(false);
        }
    }
}
