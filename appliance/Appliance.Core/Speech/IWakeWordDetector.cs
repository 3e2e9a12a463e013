namespace Appliance.Core.Speech;

/// <summary>Spots a wake phrase in a mono 16 kHz stream.</summary>
public interface IWakeWordDetector : IDisposable
{
    IReadOnlyList<string> Keywords { get; }

    /// <summary>Feeds samples; appends any detections to <paramref name="detections"/>.</summary>
    void Accept(ReadOnlySpan<float> samples, ICollection<WakeWordDetection> detections);

    void Reset();
}

/// <param name="Keyword">Which phrase was heard.</param>
/// <param name="SampleIndex">Stream position at which it was detected (the end of the phrase).</param>
/// <param name="Score">Detector score, 0..1.</param>
public sealed record WakeWordDetection(string Keyword, long SampleIndex, float Score);
