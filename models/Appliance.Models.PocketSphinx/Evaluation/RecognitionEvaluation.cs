using System.Diagnostics;
using Appliance.Core.Speech;
using Appliance.Models.PocketSphinx.Scoring;

namespace Appliance.Models.PocketSphinx.Evaluation;

/// <summary>Runs a recogniser over labelled clips: corpus WER (or CER) and real-time factor.</summary>
public static class RecognitionEvaluation
{
    public static async Task<EvaluationResult> RunAsync(ISpeechRecognizer recognizer, IEnumerable<LabelledClip> clips, bool perCharacter = false,
        Action<LabelledClip, string, Alignment>? onClip = null, CancellationToken cancellationToken = default)
    {
        var score = new ErrorRate();
        double audio = 0;
        double decode = 0;
        foreach (var clip in clips)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await recognizer.RecognizeAsync(clip.Samples, cancellationToken).ConfigureAwait(false);
            decode += Stopwatch.GetElapsedTime(start).TotalSeconds;
            audio += clip.Seconds;
            var alignment = perCharacter ? score.AddCharacters(clip.Transcript, result.Text) : score.AddWords(clip.Transcript, result.Text);
            onClip?.Invoke(clip, result.Text, alignment);
        }
        return new EvaluationResult(score, audio, decode);
    }
}

/// <param name="Score">Corpus error counts.</param>
/// <param name="AudioSeconds">Total audio decoded.</param>
/// <param name="DecodeSeconds">Wall time spent in RecognizeAsync.</param>
public sealed record EvaluationResult(ErrorRate Score, double AudioSeconds, double DecodeSeconds)
{
    public double RealTimeFactor => AudioSeconds == 0 ? 0 : DecodeSeconds / AudioSeconds;
}
