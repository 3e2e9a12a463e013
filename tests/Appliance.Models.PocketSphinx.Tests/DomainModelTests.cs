using Appliance.Core.Speech;
using Appliance.Models.PocketSphinx.Audio;
using Appliance.Models.PocketSphinx.Evaluation;
using Appliance.Models.PocketSphinx.Language;
using Xunit.Abstractions;

namespace Appliance.Models.PocketSphinx.Tests;

/// <summary>
/// The domain LM against the generic one on in-domain kiosk questions spoken by espeak-ng (synthetic speech:
/// a comparison of language models on identical audio, not a field accuracy figure), and the espeak →
/// pocketsphinx round trip.
/// </summary>
[Collection(EngineCollection.Name)]
public class DomainModelTests(RecognizerFixture engines, ITestOutputHelper output)
{
    [Fact]
    public async Task DomainModelRecognisesInDomainQuestionsBetter()
    {
        // Half the sample questions (odd ids: six verbatim FAQ questions, six paraphrases), one voice.
        var questions = SyntheticQuestionSet.ReadQuestions(SyntheticQuestionSet.SampleQuestionsPath).Where((_, i) => i % 2 == 0).ToList();
        var clips = await SyntheticQuestionSet.SynthesizeAsync(engines.Tts, questions, [("en-us", 0.9)]);
        var arpa = Path.Combine(Path.GetTempPath(), $"domain-{Guid.NewGuid():N}.arpa");
        var built = DomainLanguageModel.Build(SyntheticQuestionSet.SampleKnowledgeDir, arpa);
        using var domain = PocketSphinxRecognizer.Create(built.Options);
        var generic = await RecognitionEvaluation.RunAsync(engines.Generic, clips, onClip: (c, h, a) => output.WriteLine($"generic {a.Rate:F2} {c.Transcript} | {h}"));
        var onDomain = await RecognitionEvaluation.RunAsync(domain, clips, onClip: (c, h, a) => output.WriteLine($"domain  {a.Rate:F2} {c.Transcript} | {h}"));
        output.WriteLine($"generic WER {generic.Score.Rate:F3}, domain WER {onDomain.Score.Rate:F3} on {clips.Count} clips");
        File.Delete(arpa);
        Assert.True(onDomain.Score.Rate < generic.Score.Rate * 0.6, $"domain {onDomain.Score.Rate:F3} vs generic {generic.Score.Rate:F3}");
        Assert.InRange(onDomain.Score.Rate, 0, DomainWerBound);
    }

    internal const double DomainWerBound = 0.35;

    [Fact]
    public async Task EspeakToPocketsphinxRoundTripRecognisesASimpleSentence()
    {
        var arpa = Path.Combine(Path.GetTempPath(), $"domain-{Guid.NewGuid():N}.arpa");
        using var domain = PocketSphinxRecognizer.Create(DomainLanguageModel.Build(SyntheticQuestionSet.SampleKnowledgeDir, arpa).Options);
        var samples = new List<float>(new float[6615]);
        await foreach (var chunk in engines.Tts.SynthesizeAsync("Where is the planetarium?", new SynthesisOptions("en", Rate: 0.9)))
        {
            samples.AddRange(chunk.Samples);
        }
        samples.AddRange(new float[6615]);
        var audio = Resampler.Resample(samples.ToArray(), engines.Tts.SampleRate, 16000);
        var text = (await domain.RecognizeAsync(audio)).Text;
        output.WriteLine(text);
        File.Delete(arpa);
        Assert.Contains("planetarium", text, StringComparison.Ordinal);
        Assert.Contains("where", text, StringComparison.Ordinal);
    }
}
