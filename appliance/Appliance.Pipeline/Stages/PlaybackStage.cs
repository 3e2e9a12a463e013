using System.Threading.Channels;
using Appliance.Core.Audio;
using Appliance.Core.Timing;
using Appliance.Pipeline.Audio;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Text;
using Appliance.Pipeline.Tracing;

namespace Appliance.Pipeline.Stages;

/// <summary>
/// Audio → speaker: queues every chunk on the playback device and publishes the subtitle, emotion,
/// gesture and phoneme cues at the playback frames where they will be heard.
/// </summary>
internal sealed class PlaybackStage(Turn turn, IAudioPlayback playback, IPipelineEventSink events, TimeProvider clock, Action onSpeaking)
{
    private const float SilenceLevel = 1e-3f;
    private long _nextFrame = -1;
    private long _sentenceStart;
    private bool _firstSound = true;

    public async Task RunAsync(ChannelReader<SentenceAudio> input, CancellationToken ct)
    {
        await foreach (var chunk in input.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var samples = Resampler.Convert(chunk.Samples, chunk.SampleRate, playback.SampleRate);
            var ratio = (double)playback.SampleRate / chunk.SampleRate;
            long position;
            if (samples.Length > 0)
            {
                ct.ThrowIfCancellationRequested();
                var before = playback.Position;
                position = await playback.WriteAsync(samples, ct).ConfigureAwait(false);
                if (ct.IsCancellationRequested)
                {
                    playback.Flush(); // written just as barge-in hit: must not be heard
                    ct.ThrowIfCancellationRequested();
                }
                MarkFirstSound(samples, position, before);
                _nextFrame = position + samples.Length;
            }
            else
            {
                position = _nextFrame >= 0 ? _nextFrame : playback.Position.FramesPlayed;
                _nextFrame = position;
            }
            if (chunk.First)
            {
                _sentenceStart = position;
                StartSentence(chunk);
            }
            foreach (var p in chunk.Phonemes)
            {
                events.Publish(new PhonemeCue(clock.GetTimestamp(), turn.Id, p.Phoneme, _sentenceStart + (long)(p.SampleOffset * ratio)));
            }
            if (chunk.Last)
            {
                EndSentence(chunk);
            }
        }
        await playback.DrainAsync(ct).ConfigureAwait(false);
        turn.Trace.Mark(TraceStage.LastAudioPlayed);
    }

    private void StartSentence(SentenceAudio chunk)
    {
        var s = chunk.Sentence;
        var now = clock.GetTimestamp();
        if (chunk.SpokenText.Length > 0)
        {
            events.Publish(new Subtitle(now, turn.Id, s.Index, chunk.SpokenText, s.Language, _sentenceStart, 0));
            if (!s.Tags.Any(t => t.Fraction == 0 && t.Tag.Emotion is not null))
            {
                events.Publish(new EmotionCue(now, turn.Id, s.Emotion, _sentenceStart));
            }
        }
        foreach (var tag in s.Tags.Where(t => t.Fraction == 0))
        {
            Publish(tag.Tag, _sentenceStart, now);
        }
        if (!turn.Speaking && chunk.Samples.Length > 0)
        {
            turn.Speaking = true;
            onSpeaking();
        }
    }

    private void EndSentence(SentenceAudio chunk)
    {
        var frames = _nextFrame - _sentenceStart;
        var now = clock.GetTimestamp();
        foreach (var tag in chunk.Sentence.Tags.Where(t => t.Fraction > 0))
        {
            Publish(tag.Tag, _sentenceStart + (long)(tag.Fraction * frames), now);
        }
        if (chunk.SpokenText.Length > 0)
        {
            turn.AddPlayed(new PlayedSentence(chunk.Sentence.Index, chunk.SpokenText, _sentenceStart, frames));
            turn.FirstSentenceEndFrame ??= _nextFrame;
        }
    }

    private void Publish(AnimationTag tag, long frame, long now)
    {
        if (tag.Emotion is { } emotion)
        {
            events.Publish(new EmotionCue(now, turn.Id, emotion, frame));
        }
        else
        {
            events.Publish(new GestureCue(now, turn.Id, tag.Name, frame));
        }
    }

    /// <summary>Estimates when the first audible sample of the reply reaches the speaker.</summary>
    private void MarkFirstSound(float[] samples, long position, PlaybackPosition before)
    {
        if (!_firstSound)
        {
            return;
        }
        var k = Array.FindIndex(samples, s => Math.Abs(s) > SilenceLevel);
        if (k < 0)
        {
            return;
        }
        _firstSound = false;
        var now = clock.GetTimestamp();
        var ahead = position + k - before.FramesPlayed;
        var fromQueue = clock.AddSamples(before.Timestamp, ahead, playback.SampleRate);
        var fromNow = clock.AddSamples(now, k, playback.SampleRate);
        turn.Trace.Mark(TraceStage.FirstAudioPlayed, Math.Max(fromQueue, fromNow));
    }
}
