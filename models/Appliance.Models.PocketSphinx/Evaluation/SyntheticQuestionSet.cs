using Appliance.Core.Speech;
using Appliance.Models.PocketSphinx.Audio;

namespace Appliance.Models.PocketSphinx.Evaluation;

/// <summary>
/// An in-domain test set made with a speech synthesiser: each question spoken by several voice/rate variants,
/// resampled to 16 kHz and padded with silence. Synthetic speech is cleaner and more regular than visitors'
/// speech, so absolute WER on it flatters any recogniser; it is meant for comparing language models on the
/// same audio, not as a field accuracy figure.
/// </summary>
public static class SyntheticQuestionSet
{
    /// <summary>The variants used by `bench asr` and the tests: (voice, rate multiplier).</summary>
    public static readonly IReadOnlyList<(string Voice, double Rate)> DefaultVariants =
        [("en-us", 1.0), ("en-us", 0.85), ("en-us", 1.2), ("en-gb", 1.0)];

    /// <summary>(id, text) lines of a tab-separated file; '#' lines are comments.</summary>
    public static IReadOnlyList<(string Id, string Text)> ReadQuestions(string path) =>
        File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('\t'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1].Trim()))
            .ToList();

    /// <summary>The sample questions shipped beside this assembly (DomainSample/questions.tsv).</summary>
    public static string SampleQuestionsPath => Path.Combine(AppContext.BaseDirectory, "DomainSample", "questions.tsv");

    /// <summary>The sample knowledge base shipped beside this assembly (DomainSample/kiosk-kb).</summary>
    public static string SampleKnowledgeDir => Path.Combine(AppContext.BaseDirectory, "DomainSample", "kiosk-kb");

    public static async Task<IReadOnlyList<LabelledClip>> SynthesizeAsync(ISpeechSynthesizer tts, IEnumerable<(string Id, string Text)> questions,
        IEnumerable<(string Voice, double Rate)> variants, CancellationToken cancellationToken = default)
    {
        var clips = new List<LabelledClip>();
        var pad = new float[4800];
        foreach (var (voice, rate) in variants)
        {
            foreach (var (id, text) in questions)
            {
                var audio = new List<float>(pad);
                await foreach (var chunk in tts.SynthesizeAsync(text, new SynthesisOptions("en", voice, Rate: rate), cancellationToken).ConfigureAwait(false))
                {
                    audio.AddRange(chunk.Samples);
                }
                var resampled = Resampler.Resample(audio.ToArray(), tts.SampleRate, 16000);
                clips.Add(new LabelledClip($"{id}/{voice}@{rate:0.##}", text, [.. resampled, .. pad]));
            }
        }
        return clips;
    }
}
