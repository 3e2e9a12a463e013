using Appliance.Core.Speech;

namespace Appliance.Pipeline.Tests.Support;

/// <summary>Passes everything to a real streaming recogniser and counts whole-utterance decodes (the fallback path).</summary>
internal sealed class CountingRecognizer(IStreamingSpeechRecognizer inner) : IStreamingSpeechRecognizer
{
    private int _whole;
    private int _streams;

    public int WholeDecodes => Volatile.Read(ref _whole);

    public int Streams => Volatile.Read(ref _streams);

    public string Name => inner.Name;

    public IReadOnlyList<string> Languages => inner.Languages;

    public IRecognitionStream CreateStream()
    {
        Interlocked.Increment(ref _streams);
        return inner.CreateStream();
    }

    public Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _whole);
        return inner.RecognizeAsync(samples, cancellationToken);
    }

    public void Dispose() => inner.Dispose();
}
