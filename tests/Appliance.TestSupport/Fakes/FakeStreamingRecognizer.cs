using Appliance.Core.Speech;

namespace Appliance.TestSupport.Fakes;

/// <summary>
/// A streaming recogniser double: each stream records the audio it was fed and finishes with the next
/// scripted transcript; <see cref="RecognizeAsync"/> (the whole-utterance fallback) takes the next one too.
/// Like pocketsphinx it allows one open stream at a time, so an engine that forgets to finish or
/// dispose a stream fails loudly. <see cref="AcceptGate"/>, when set, holds every Accept (a slow decoder).
/// </summary>
public sealed class FakeStreamingRecognizer(params string[] transcripts) : IStreamingSpeechRecognizer
{
    private readonly Queue<string> _transcripts = new(transcripts);
    private readonly List<FakeRecognitionStream> _streams = [];
    private FakeRecognitionStream? _open;

    public string Name => "fake streaming asr";

    public IReadOnlyList<string> Languages => ["en", "zh"];

    public ManualResetEventSlim? AcceptGate { get; set; }

    /// <summary>Utterance lengths decoded whole (the fallback path).</summary>
    public List<int> WholeUtterances { get; } = [];

    public IReadOnlyList<FakeRecognitionStream> Streams
    {
        get
        {
            lock (_streams)
            {
                return [.. _streams];
            }
        }
    }

    public IRecognitionStream CreateStream()
    {
        lock (_streams)
        {
            if (_open is { Closed: false })
            {
                throw new InvalidOperationException("a stream is still open (finish or dispose it first)");
            }
            _open = new FakeRecognitionStream(this);
            _streams.Add(_open);
            return _open;
        }
    }

    public Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        lock (_streams)
        {
            WholeUtterances.Add(samples.Length);
        }
        return Task.FromResult(new RecognitionResult(Next()));
    }

    public void Dispose()
    {
    }

    internal string Next()
    {
        lock (_transcripts)
        {
            return _transcripts.TryDequeue(out var text) ? text : "";
        }
    }
}
