using Appliance.Core.Speech;
using Appliance.Pipeline.Events;
using Appliance.Service.Runtime;

namespace Appliance.Host.Runtime;

/// <summary>
/// `say`: synthesised with the pipeline's TTS and queued on the same speaker; subtitles and phonemes go
/// through the event hub at their playback frames, so the avatar lip-syncs it like a reply.
/// </summary>
internal sealed partial class LivePipeline : ISpeechOutput
{
    public async ValueTask SayAsync(string text, CancellationToken cancellationToken)
    {
        if (_engines is not { } engines || _playback is not { } playback || !_running)
        {
            throw new InvalidOperationException("the pipeline is not running yet (models loading or waiting for audio device)");
        }
        var language = _config.Current.Persona.Language;
        var started = DateTimeOffset.UtcNow;
        var t0 = _clock.GetTimestamp();
        var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _run?.Token ?? CancellationToken.None).Token;
        long? first = null;
        double? firstAudioMs = null;
        await foreach (var chunk in engines.Synthesizer.SynthesizeAsync(text, new SynthesisOptions(language), token).ConfigureAwait(false))
        {
            var at = await playback.WriteAsync(chunk.Samples, token).ConfigureAwait(false);
            if (first is null)
            {
                first = at;
                firstAudioMs = _clock.GetElapsedTime(t0).TotalMilliseconds;
                _events.Publish(new Subtitle(_clock.GetTimestamp(), 0, 0, text, language, at, 0));
            }
            foreach (var p in chunk.Phonemes)
            {
                _events.Publish(new PhonemeCue(_clock.GetTimestamp(), 0, p.Phoneme, first.Value + p.SampleOffset));
            }
        }
        var n = Interlocked.Increment(ref _turnsCompleted);
        var stages = firstAudioMs is { } ms ? new[] { new StageSpan("tts_first_audio", 0, Math.Round(ms, 1)) } : [];
        _turns.Add(new TurnTrace($"say-{n}", started, stages, null, false, "said", null, text));
    }
}
