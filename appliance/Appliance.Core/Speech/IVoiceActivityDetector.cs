namespace Appliance.Core.Speech;

/// <summary>
/// Finds speech in a mono 16 kHz stream. Sample indices count from the first sample ever accepted
/// (or the last <see cref="Reset"/>), so callers can map them to the capture clock.
/// </summary>
public interface IVoiceActivityDetector : IDisposable
{
    int SampleRate { get; }

    /// <summary>Feeds samples in [-1, 1]; appends what became known (onsets, finished segments) to <paramref name="events"/>.</summary>
    void Accept(ReadOnlySpan<float> samples, ICollection<VadEvent> events);

    /// <summary>End of input: a segment still open is closed and reported.</summary>
    void Flush(ICollection<VadEvent> events);

    void Reset();
}

/// <summary>Something the VAD learned about the stream.</summary>
public abstract record VadEvent(long SampleIndex);

/// <summary>Voiced speech began at <paramref name="SampleIndex"/> (used for barge-in and the listening state).</summary>
public sealed record SpeechStarted(long SampleIndex) : VadEvent(SampleIndex);

/// <summary>A finished utterance: its samples and where it started and ended in the stream.</summary>
public sealed record SpeechSegment(long StartSample, long EndSample, float[] Samples) : VadEvent(EndSample);
