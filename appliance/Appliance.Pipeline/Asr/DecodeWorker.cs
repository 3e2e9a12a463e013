using System.Buffers;
using System.Threading.Channels;
using Appliance.Core.Speech;

namespace Appliance.Pipeline.Asr;

/// <summary>
/// The one place recognition streams are driven: a task that takes open/audio/close/drop commands from a
/// bounded queue, in order, so decoding never runs on (or blocks) the audio loop. When decoding is slower
/// than speech the queue grows and the worker catches up after the endpoint; the audio loop only ever
/// <c>TryWrite</c>s, and a full queue turns the utterance into a whole-segment decode instead of
/// losing audio. Utterances are decoded one after another (one microphone; pocketsphinx has one decoder).
/// </summary>
internal sealed class DecodeWorker : IAsyncDisposable
{
    private readonly IStreamingSpeechRecognizer _recognizer;
    private readonly int _partialEvery;
    private readonly Action<StreamedUtterance, string> _onPartial;
    private readonly Action<string>? _log;
    private readonly Channel<Command> _queue;
    private readonly Task _run;
    private IRecognitionStream? _stream;
    private StreamedUtterance? _current;
    private long _lastPartialAt;
    private string _lastPartial = "";

    /// <param name="partialEvery">Samples of decoded audio between partial hypotheses (0 = none).</param>
    public DecodeWorker(IStreamingSpeechRecognizer recognizer, int capacity, int partialEvery, Action<StreamedUtterance, string> onPartial, Action<string>? log)
    {
        _recognizer = recognizer;
        _partialEvery = partialEvery;
        _onPartial = onPartial;
        _log = log;
        _queue = Channel.CreateBounded<Command>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _run = Task.Run(RunAsync);
    }

    public bool TryOpen(StreamedUtterance utterance) => _queue.Writer.TryWrite(new Command(Kind.Open, utterance, null, 0));

    /// <summary>Queues a copy of <paramref name="samples"/> (the caller's buffer may be reused).</summary>
    public bool TryFeed(StreamedUtterance utterance, ReadOnlySpan<float> samples)
    {
        var copy = ArrayPool<float>.Shared.Rent(samples.Length);
        samples.CopyTo(copy);
        if (_queue.Writer.TryWrite(new Command(Kind.Audio, utterance, copy, samples.Length)))
        {
            return true;
        }
        ArrayPool<float>.Shared.Return(copy);
        return false;
    }

    public bool TryClose(StreamedUtterance utterance) => _queue.Writer.TryWrite(new Command(Kind.Close, utterance, null, 0));

    /// <summary>Best effort: the worker also notices <see cref="StreamedUtterance.Discarded"/> on its next command.</summary>
    public void TryDrop(StreamedUtterance utterance) => _queue.Writer.TryWrite(new Command(Kind.Drop, utterance, null, 0));

    /// <summary>Ends the worker once it has drained the queue (discard open utterances first to make that quick).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _run.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var command in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    Process(command);
                }
                catch (Exception e)
                {
                    // A failing engine costs this utterance its stream, never the loop: the turn decodes the segment whole.
                    _log?.Invoke($"asr stream {command.Utterance.Id} failed, decoding the segment whole instead: {e.GetType().Name}: {e.Message}");
                    command.Utterance.Discard($"stream failed: {e.Message}");
                    CloseStream();
                }
                finally
                {
                    if (command.Samples is { } samples)
                    {
                        ArrayPool<float>.Shared.Return(samples);
                    }
                }
            }
        }
        finally
        {
            _current?.Discard("shutdown");
            CloseStream();
        }
    }

    private void Process(Command command)
    {
        var utterance = command.Utterance;
        if (_current is { Discarded: true })
        {
            CloseStream();
        }
        switch (command.Kind)
        {
            case Kind.Open:
                CloseStream(); // a stream the loop never closed (its close did not fit the queue) ends here
                if (!utterance.Discarded)
                {
                    _stream = _recognizer.CreateStream();
                    _current = utterance;
                    _lastPartialAt = 0;
                    _lastPartial = "";
                }
                break;
            case Kind.Audio when _current == utterance && _stream is { } stream:
                stream.Accept(command.Samples.AsSpan(0, command.Count));
                utterance.AddDecoded(command.Count);
                if (_partialEvery > 0 && utterance.DecodedSamples - _lastPartialAt >= _partialEvery)
                {
                    _lastPartialAt = utterance.DecodedSamples;
                    var partial = stream.Partial.Trim();
                    if (partial.Length > 0 && partial != _lastPartial)
                    {
                        _lastPartial = partial;
                        _onPartial(utterance, partial);
                    }
                }
                break;
            case Kind.Close when _current == utterance && _stream is { } stream:
                var final = stream.Finish();
                CloseStream();
                utterance.Complete(final);
                break;
            case Kind.Close:
                utterance.Discard("stream not open at the endpoint");
                break;
            case Kind.Drop when _current == utterance:
                CloseStream();
                break;
        }
    }

    private void CloseStream()
    {
        _stream?.Dispose();
        _stream = null;
        _current = null;
    }

    private enum Kind
    {
        Open,
        Audio,
        Close,
        Drop,
    }

    private readonly record struct Command(Kind Kind, StreamedUtterance Utterance, float[]? Samples, int Count);
}
