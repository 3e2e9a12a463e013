using Appliance.Core.Audio;
using Appliance.Models.PocketSphinx.Scoring;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Models.PocketSphinx.Tests;

/// <summary>Real recognition of real recordings (../shared/speech/en, LibriVox-derived read speech).</summary>
[Collection(EngineCollection.Name)]
public class RecognitionTests(RecognizerFixture engines, ITestOutputHelper output)
{
    /// <summary>
    /// Every fifth recording (13 of 61, ~40 s of audio) keeps the test inside the suite's time budget; the full
    /// corpus is `bench asr`. Measured WER on this subset with the generic model: see README (about 0.40); the
    /// bound leaves room for run-to-run identity (decoding is deterministic) plus a model update, but catches a
    /// broken front end (wrong sample format or CMN gives WER near 1).
    /// </summary>
    [Fact]
    public async Task CorpusWerOnRealRecordingsIsWithinTheMeasuredBound()
    {
        var all = SharedData.Transcripts("en");
        var wer = new ErrorRate();
        for (var i = 0; i < all.Count; i += 5)
        {
            var result = await engines.Generic.RecognizeAsync(WavFile.ReadMono(all[i].Path));
            var a = wer.AddWords(all[i].Transcript, result.Text);
            output.WriteLine($"{a.Rate:F2}  {all[i].Transcript}  |  {result.Text}");
        }
        output.WriteLine($"subset WER {wer.Rate:F3} over {wer.ReferenceTokens} words, {wer.Utterances} utterances");
        Assert.Equal(13, wer.Utterances);
        Assert.InRange(wer.Rate, 0, SubsetWerBound);
    }

    internal const double SubsetWerBound = 0.55;

    [Theory]
    [InlineData("and there i grew up when i was little", "grew", "little")]
    [InlineData("said the old man", "old", "man")]
    [InlineData("so that she may be sure she is told exactly what passes", "sure", "exactly")]
    public async Task ClearUtterancesComeOutWithTheirKeyWords(string transcript, string key1, string key2)
    {
        var clip = SharedData.Transcripts("en").Single(t => t.Transcript == transcript);
        var text = (await engines.Generic.RecognizeAsync(WavFile.ReadMono(clip.Path))).Text;
        output.WriteLine(text);
        var words = TextNormalizer.Words(text);
        Assert.Contains(key1, words);
        Assert.Contains(key2, words);
    }

    [Fact]
    public async Task StreamingGivesTheSameFinalTextAsWholeUtteranceDecoding()
    {
        var clip = SharedData.Transcripts("en").Single(t => t.Transcript == "and there i grew up when i was little");
        var samples = WavFile.ReadMono(clip.Path);
        var whole = await engines.Generic.RecognizeAsync(samples);
        string partial;
        using (var stream = engines.Generic.CreateStream())
        {
            // 20 ms blocks, as a capture loop would deliver them.
            for (var i = 0; i < samples.Length; i += 320)
            {
                stream.Accept(samples.AsSpan(i, Math.Min(320, samples.Length - i)));
                if (i == samples.Length / 2 / 320 * 320)
                {
                    partial = stream.Partial;
                    Assert.False(string.IsNullOrWhiteSpace(partial), "no partial hypothesis half-way through");
                }
            }
            var final = stream.Finish();
            Assert.Equal(whole.Text, final.Text);
            Assert.Same(final, stream.Finish());
        }
        Assert.Contains("little", whole.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationStopsADecodeAndTheDecoderStaysUsable()
    {
        var clip = SharedData.Transcripts("en").Single(t => t.Transcript == "said the old man");
        var samples = WavFile.ReadMono(clip.Path);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engines.Generic.RecognizeAsync(samples, new CancellationToken(true)));
        Assert.Contains("man", (await engines.Generic.RecognizeAsync(samples)).Text, StringComparison.Ordinal);
    }
}
