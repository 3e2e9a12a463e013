using Appliance.Core.Speech;
using Appliance.Pipeline.Events;

namespace Appliance.Pipeline.Asr;

/// <summary>
/// The audio loop's side of decoding while the visitor speaks: keeps a short history of the microphone,
/// opens an utterance at the VAD onset with the pre-roll the VAD's late onset needs, queues every block
/// to the <see cref="DecodeWorker"/> as it arrives, and closes the utterance at the endpoint so the
/// turn only waits for the decoder's backlog (usually nothing). Called from the audio loop only; every
/// call is non-blocking.
/// </summary>
internal sealed class StreamingRecognition(IStreamingSpeechRecognizer recognizer, PipelineOptions options, IPipelineEventSink events, TimeProvider clock, int sampleRate)
{
    // An onset without an endpoint for this long was not speech we will ever get a segment for
    // (the VAD splits long speech well before this): stop decoding it.
    private const int MaxStreamSeconds = 60;

    private readonly int _preRoll = (int)(options.EffectiveAsrPreRoll.TotalSeconds * sampleRate);
    private readonly AudioHistory _history = new((int)((options.EffectiveAsrPreRoll.TotalSeconds + 2) * sampleRate));
    private DecodeWorker? _worker;
    private StreamedUtterance? _open;
    private long _lastSegmentEnd;
    private int _nextId;

    /// <summary>Starts the decode worker (once per engine run).</summary>
    public void Start()
    {
        var partialEvery = (int)(options.EffectiveAsrPartialEvery.TotalSeconds * sampleRate);
        _worker ??= new DecodeWorker(recognizer, options.AsrQueue, partialEvery, OnPartial, options.Log);
    }

    /// <summary>Discards the open utterance and waits for the worker to drain and release the recogniser.</summary>
    public async Task StopAsync()
    {
        Discard("shutdown");
        if (_worker is { } worker)
        {
            _worker = null;
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every microphone block, before the VAD sees it (so an onset in this block finds it in the history).</summary>
    public void Append(ReadOnlySpan<float> mono)
    {
        _history.Append(mono);
        if (_open is { } utterance)
        {
            if (utterance.QueuedSamples > (long)MaxStreamSeconds * sampleRate)
            {
                Discard($"no end of speech after {MaxStreamSeconds} s");
                return;
            }
            Feed(utterance, mono);
        }
    }

    /// <summary>The VAD heard speech starting at <paramref name="onsetSample"/>: open a stream from a little before it.</summary>
    public void Begin(long onsetSample)
    {
        if (_worker is not { } worker)
        {
            return;
        }
        // A second onset before any segment: the first one was a false start.
        Discard("false start (new onset before an endpoint)");
        // Never reach back into the previous utterance; never before what the history holds.
        var start = Math.Clamp(onsetSample - _preRoll, Math.Max(_history.Start, _lastSegmentEnd), _history.End);
        var utterance = new StreamedUtterance(++_nextId, start, onsetSample);
        _open = utterance;
        if (!worker.TryOpen(utterance))
        {
            Overflow(utterance);
            return;
        }
        var preRoll = new float[_history.End - start];
        _history.CopyTo(start, preRoll);
        Feed(utterance, preRoll);
    }

    /// <summary>
    /// The endpoint: the utterance to await for this segment's text, or null to decode the segment whole
    /// (no stream, a stream that started after the segment did, or one the queue could not hold).
    /// </summary>
    public StreamedUtterance? Close(SpeechSegment segment)
    {
        _lastSegmentEnd = Math.Max(_lastSegmentEnd, segment.EndSample);
        if (_open is not { } utterance || _worker is not { } worker)
        {
            return null;
        }
        _open = null;
        if (utterance.StartSample > segment.StartSample)
        {
            // The history did not reach back to where the VAD says speech began: the stream lacks the
            // first words, the segment has them.
            Drop(utterance, $"stream starts {(utterance.StartSample - segment.StartSample) * 1000 / sampleRate} ms after the segment");
            return null;
        }
        if (utterance.Overflowed || !worker.TryClose(utterance))
        {
            Drop(utterance, "decode queue full");
            return null;
        }
        return utterance;
    }

    /// <summary>A segment the engine ignores (asleep, or our own voice through the echo path).</summary>
    public void Ignore(SpeechSegment segment)
    {
        _lastSegmentEnd = Math.Max(_lastSegmentEnd, segment.EndSample);
        Discard("segment ignored");
    }

    /// <summary>Stops decoding the open utterance, if any (false start, ignored speech, shutdown).</summary>
    public void Discard(string reason)
    {
        if (_open is { } utterance)
        {
            _open = null;
            Drop(utterance, reason);
        }
    }

    private void Feed(StreamedUtterance utterance, ReadOnlySpan<float> samples)
    {
        if (utterance.Overflowed || samples.IsEmpty || _worker is not { } worker)
        {
            return;
        }
        if (!worker.TryFeed(utterance, samples))
        {
            Overflow(utterance);
            return;
        }
        utterance.QueuedSamples += samples.Length;
    }

    private void Overflow(StreamedUtterance utterance)
    {
        // Keep it open (so its segment still maps to it) but stop decoding: the turn decodes the segment whole.
        utterance.Overflowed = true;
        utterance.Discard("decode queue full");
        options.Log?.Invoke($"asr stream {utterance.Id}: decode queue full ({options.AsrQueue} blocks), the turn will decode the segment whole");
    }

    private void Drop(StreamedUtterance utterance, string reason)
    {
        utterance.Discard(reason);
        _worker?.TryDrop(utterance);
    }

    private void OnPartial(StreamedUtterance utterance, string text) =>
        events.Publish(new UserPartialTranscript(clock.GetTimestamp(), 0, utterance.OnsetSample, text));
}
