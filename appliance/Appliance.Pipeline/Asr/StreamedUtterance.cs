using Appliance.Core.Speech;

namespace Appliance.Pipeline.Asr;

/// <summary>
/// One utterance decoded while it is spoken. The audio loop queues its audio, the decode worker feeds
/// the recognition stream, and the turn awaits the final text. A discarded utterance (false start,
/// barge-in, shutdown, overflow) is skipped by the worker; a turn still waiting for it falls back to
/// decoding the VAD segment whole, so no path loses the visitor's words.
/// </summary>
public sealed class StreamedUtterance(int id, long startSample, long onsetSample)
{
    private readonly TaskCompletionSource<RecognitionResult?> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _discarded;
    private long _decodedSamples;

    public int Id => id;

    /// <summary>Stream index of the first sample fed (the VAD onset minus the pre-roll).</summary>
    public long StartSample => startSample;

    /// <summary>Stream index where the VAD placed the onset.</summary>
    public long OnsetSample => onsetSample;

    /// <summary>Samples queued for the decoder by the audio loop (audio loop only).</summary>
    public long QueuedSamples { get; internal set; }

    /// <summary>Samples the decoder has consumed (written by the worker).</summary>
    public long DecodedSamples => Interlocked.Read(ref _decodedSamples);

    /// <summary>The decode queue was full: the stream is incomplete and the turn uses the whole segment.</summary>
    public bool Overflowed { get; internal set; }

    public bool Discarded => _discarded;

    /// <summary>Why the turn decoded the segment whole instead, when it did.</summary>
    public string? FallbackReason { get; private set; }

    /// <summary>Stops decoding this utterance; anyone awaiting it falls back to the whole segment.</summary>
    public void Discard(string reason)
    {
        FallbackReason ??= reason;
        _discarded = true;
        _final.TrySetResult(null);
    }

    /// <summary>
    /// The final text, or (when the stream was discarded or failed) the whole segment decoded by
    /// <paramref name="fallback"/>. Cancelling the turn discards the stream so the worker skips its backlog.
    /// </summary>
    public async Task<RecognitionResult> RecognizeAsync(ISpeechRecognizer fallback, float[] segment, CancellationToken ct)
    {
        RecognitionResult? final;
        try
        {
            final = await _final.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Not a token registration: WaitAsync's own registration may resume this method (and dispose
            // ours) inside Cancel() before ours would run.
            Discard("turn cancelled");
            throw;
        }
        return final ?? await fallback.RecognizeAsync(segment, ct).ConfigureAwait(false);
    }

    internal void AddDecoded(int samples) => Interlocked.Add(ref _decodedSamples, samples);

    internal void Complete(RecognitionResult result) => _final.TrySetResult(result);
}
