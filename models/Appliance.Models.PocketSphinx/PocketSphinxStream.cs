using Appliance.Core.Speech;

namespace Appliance.Models.PocketSphinx;

/// <summary>
/// One utterance being decoded while it is spoken. Holds the recogniser's decoder until
/// <see cref="Finish"/> or <see cref="Dispose"/>; used by one thread at a time (the pipeline's decode worker).
/// </summary>
internal sealed class PocketSphinxStream(PocketSphinxDecoder decoder, Action release) : IRecognitionStream
{
    private RecognitionResult? result;
    private bool released;

    public string Partial => result?.Text ?? (released ? string.Empty : decoder.Hypothesis());

    public void Accept(ReadOnlySpan<float> samples)
    {
        if (result is not null || released)
        {
            throw new InvalidOperationException("the utterance is finished; create a new stream");
        }
        decoder.Process(samples);
    }

    public RecognitionResult Finish()
    {
        if (result is not null)
        {
            return result;
        }
        ObjectDisposedException.ThrowIf(released, this);
        decoder.EndUtterance();
        result = new RecognitionResult(decoder.Hypothesis(), "en", decoder.Confidence());
        Release();
        return result;
    }

    public void Dispose()
    {
        if (!released && decoder.InUtterance)
        {
            decoder.EndUtterance();
        }
        Release();
    }

    private void Release()
    {
        if (!released)
        {
            released = true;
            release();
        }
    }
}
