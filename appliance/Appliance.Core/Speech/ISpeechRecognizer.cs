namespace Appliance.Core.Speech;

/// <summary>Turns one utterance of mono 16 kHz audio into text.</summary>
public interface ISpeechRecognizer : IDisposable
{
    /// <summary>A short name for traces and status lines, e.g. "pocketsphinx en-us" or "sherpa sense-voice".</summary>
    string Name { get; }

    /// <summary>Languages the loaded model recognises (BCP 47, e.g. "en", "zh").</summary>
    IReadOnlyList<string> Languages { get; }

    Task<RecognitionResult> RecognizeAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default);
}

/// <summary>
/// A recogniser that can decode while the user is still speaking, so the final text is ready
/// as soon as the VAD closes the segment.
/// </summary>
public interface IStreamingSpeechRecognizer : ISpeechRecognizer
{
    IRecognitionStream CreateStream();
}

public interface IRecognitionStream : IDisposable
{
    void Accept(ReadOnlySpan<float> samples);

    /// <summary>The best hypothesis so far (may change).</summary>
    string Partial { get; }

    /// <summary>Ends the utterance and returns the final hypothesis.</summary>
    RecognitionResult Finish();
}

/// <param name="Text">The recognised text, without engine markup.</param>
/// <param name="Language">The detected language when the engine reports one, else null.</param>
/// <param name="Confidence">0..1 when the engine reports one, else null.</param>
public sealed record RecognitionResult(string Text, string? Language = null, double? Confidence = null)
{
    public static RecognitionResult Empty { get; } = new(string.Empty);
}
