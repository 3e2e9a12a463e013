using Appliance.Core.Speech;
using Appliance.Models.PocketSphinx.Native;

namespace Appliance.Models.PocketSphinx;

/// <summary>
/// The embedded default recogniser: pocketsphinx with Debian's US English model, optionally with a domain
/// language model. One decoder, one utterance at a time: <see cref="RecognizeAsync"/> waits for the decoder,
/// <see cref="CreateStream"/> refuses while another stream is open (the pipeline has one microphone).
/// </summary>
public sealed class PocketSphinxRecognizer : IStreamingSpeechRecognizer
{
    public const int SampleRate = 16000;

    // Feed the decoder in 100 ms blocks so a cancelled whole-utterance decode stops promptly.
    private const int Block = 1600;

    private readonly PocketSphinxDecoder decoder;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool disposed;

    private PocketSphinxRecognizer(PocketSphinxDecoder decoder, PocketSphinxOptions options)
    {
        this.decoder = decoder;
        Options = options;
    }

    public string Name => $"pocketsphinx en-us ({Options.Label} LM)";

    public IReadOnlyList<string> Languages { get; } = ["en"];

    public PocketSphinxOptions Options { get; }

    /// <summary>Loads the libraries (if needed) and the model; every bad path is named in the exception.</summary>
    public static PocketSphinxRecognizer Create(PocketSphinxOptions? options = null)
    {
        options ??= new PocketSphinxOptions();
        PocketSphinxLibrary.Initialize();
        return new PocketSphinxRecognizer(PocketSphinxDecoder.Create(options), options);
    }

    /// <summary>Whether the loaded dictionary can pronounce <paramref name="word"/>.</summary>
    public bool IsKnownWord(string word)
    {
        gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return decoder.IsKnownWord(word);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("no audio: the utterance holds no samples", nameof(samples));
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // CPU-bound native work: keep it off the caller's (possibly audio) thread.
            return await Task.Run(() => Decode(samples, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public IRecognitionStream CreateStream()
    {
        if (!gate.Wait(0))
        {
            throw new InvalidOperationException("the pocketsphinx decoder is busy: finish or dispose the open stream (one utterance at a time)");
        }
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            decoder.StartUtterance();
            return new PocketSphinxStream(decoder, () => gate.Release());
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        gate.Wait();
        try
        {
            if (!disposed)
            {
                disposed = true;
                decoder.Dispose();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private RecognitionResult Decode(ReadOnlyMemory<float> samples, CancellationToken cancellationToken)
    {
        decoder.StartUtterance();
        try
        {
            for (var start = 0; start < samples.Length; start += Block)
            {
                cancellationToken.ThrowIfCancellationRequested();
                decoder.Process(samples.Span.Slice(start, Math.Min(Block, samples.Length - start)));
            }
        }
        finally
        {
            decoder.EndUtterance();
        }
        return new RecognitionResult(decoder.Hypothesis(), "en", decoder.Confidence());
    }
}
