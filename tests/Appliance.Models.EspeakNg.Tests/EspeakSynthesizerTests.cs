using Appliance.Core.Speech;
using Xunit.Abstractions;

namespace Appliance.Models.EspeakNg.Tests;

public class EspeakSynthesizerTests(ITestOutputHelper output)
{
    private const string English = "Welcome to the science museum. The planetarium opens at ten.";
    private const string Mandarin = "欢迎来到科学博物馆，天文馆十点开门。";

    [Fact]
    public void ReportsTheNativeRateAndVersion()
    {
        using var tts = EspeakSynthesizer.Create();
        Assert.Equal(22050, tts.SampleRate);
        Assert.StartsWith("espeak-ng 1.51", tts.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", English, 2.0, 8.0)]
    [InlineData("zh", Mandarin, 2.0, 9.0)]
    public async Task SpeaksNonSilentAudioOfPlausibleLength(string language, string text, double minSeconds, double maxSeconds)
    {
        using var tts = EspeakSynthesizer.Create();
        var (samples, phonemes, chunks) = await Synth.All(tts, text, new SynthesisOptions(language));
        var seconds = samples.Length / (double)tts.SampleRate;
        output.WriteLine($"{language}: {seconds:F2} s, {chunks} chunks, {phonemes.Count} phonemes, rms {Synth.Rms(samples):F3}");
        Assert.InRange(seconds, minSeconds, maxSeconds);
        Assert.True(Synth.Rms(samples) > 0.02, "the audio is (nearly) silent");
        Assert.True(chunks > 3, "audio should stream in several chunks");
        Assert.True(phonemes.Count > 15, $"only {phonemes.Count} phoneme events");
        // Mandarin must be spoken as Mandarin, not as pinyin spelled with English rules (the plain "cmn" voice's bug).
        Assert.DoesNotContain(phonemes, p => p.Phoneme == "(en)");
    }

    [Theory]
    [InlineData("en", English)]
    [InlineData("zh", Mandarin)]
    public async Task PhonemeOffsetsIncreaseWithinTheAudio(string language, string text)
    {
        using var tts = EspeakSynthesizer.Create();
        var (samples, phonemes, _) = await Synth.All(tts, text, new SynthesisOptions(language));
        output.WriteLine(string.Join(' ', phonemes.Select(p => $"{p.Phoneme}@{p.SampleOffset}")));
        for (var i = 1; i < phonemes.Count; i++)
        {
            Assert.True(phonemes[i].SampleOffset >= phonemes[i - 1].SampleOffset, $"phoneme {i} goes back in time");
        }
        Assert.All(phonemes, p => Assert.InRange(p.SampleOffset, 0, samples.Length));
        Assert.All(phonemes, p => Assert.False(string.IsNullOrEmpty(p.Phoneme)));
        // Phonemes span the utterance: the last one starts in its final third.
        Assert.True(phonemes[^1].SampleOffset > samples.Length * 2 / 3, "phoneme events stop early");
    }

    [Fact]
    public async Task PhonemesArriveInTheChunkThatHoldsThem()
    {
        using var tts = EspeakSynthesizer.Create();
        long start = 0;
        await foreach (var chunk in tts.SynthesizeAsync(English, new SynthesisOptions()))
        {
            foreach (var p in chunk.Phonemes)
            {
                // A phoneme may begin at the very end of the previous chunk, never later than this chunk's end.
                Assert.InRange(p.SampleOffset, 0, start + chunk.Samples.Length);
            }
            start += chunk.Samples.Length;
        }
    }

    [Fact]
    public async Task EmotionChangesRateAndPitch()
    {
        using var tts = EspeakSynthesizer.Create();
        var happy = await Synth.All(tts, English, new SynthesisOptions(Emotion: Emotion.Happy));
        var sad = await Synth.All(tts, English, new SynthesisOptions(Emotion: Emotion.Sad));
        var happyF0 = PitchEstimator.MedianF0(happy.Samples, tts.SampleRate);
        var sadF0 = PitchEstimator.MedianF0(sad.Samples, tts.SampleRate);
        output.WriteLine($"happy {happy.Samples.Length} samples F0 {happyF0:F0} Hz; sad {sad.Samples.Length} samples F0 {sadF0:F0} Hz");
        Assert.True(sad.Samples.Length > happy.Samples.Length * 1.2, "sad speech should be clearly slower");
        Assert.True(happyF0 > sadF0 * 1.15, "happy speech should be clearly higher");
    }

    [Fact]
    public async Task RateMultiplierShortensSpeech()
    {
        using var tts = EspeakSynthesizer.Create();
        var normal = await Synth.All(tts, English, new SynthesisOptions());
        var fast = await Synth.All(tts, English, new SynthesisOptions(Rate: 1.5));
        Assert.True(fast.Samples.Length < normal.Samples.Length * 0.85);
    }

    [Fact]
    public async Task StoppingEarlyAbortsAndTheEngineStaysUsable()
    {
        using var tts = EspeakSynthesizer.Create();
        var longText = string.Concat(Enumerable.Repeat(English + " ", 20));
        using var cts = new CancellationTokenSource();
        var chunks = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in tts.SynthesizeAsync(longText, new SynthesisOptions(), cts.Token))
            {
                if (++chunks == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.InRange(chunks, 2, 3);
        var after = await Synth.All(tts, "Still here.", new SynthesisOptions());
        Assert.InRange(after.Samples.Length / 22050.0, 0.3, 3);
    }

    [Fact]
    public async Task ConcurrentRequestsAreSerialisedNotMixed()
    {
        using var tts = EspeakSynthesizer.Create();
        var alone = await Synth.All(tts, English, new SynthesisOptions());
        var both = await Task.WhenAll(Synth.All(tts, English, new SynthesisOptions()), Synth.All(tts, Mandarin, new SynthesisOptions("zh")));
        // Same length within 1% (espeak's filters carry a little state across utterances, so samples differ in the last bits).
        Assert.InRange(both[0].Samples.Length, alone.Samples.Length * 0.99, alone.Samples.Length * 1.01);
        Assert.Equal(alone.Phonemes.Select(p => p.Phoneme), both[0].Phonemes.Select(p => p.Phoneme));
        Assert.DoesNotContain(both[1].Phonemes, p => p.Phoneme == "(en)");
    }

    [Fact]
    public async Task EmptyTextGivesNoAudio()
    {
        using var tts = EspeakSynthesizer.Create();
        var (samples, _, chunks) = await Synth.All(tts, "   ", new SynthesisOptions());
        Assert.Empty(samples);
        Assert.Equal(0, chunks);
    }

    [Fact]
    public async Task UnknownLanguageOrVoiceIsAClearError()
    {
        using var tts = EspeakSynthesizer.Create();
        var lang = await Assert.ThrowsAsync<ArgumentException>(() => Synth.All(tts, "hi", new SynthesisOptions("xx")));
        Assert.Contains("xx", lang.Message, StringComparison.Ordinal);
        var voice = await Assert.ThrowsAsync<EspeakException>(() => Synth.All(tts, "hi", new SynthesisOptions(Voice: "no-such-voice")));
        Assert.Contains("no-such-voice", voice.Message, StringComparison.Ordinal);
        // The engine still works afterwards.
        Assert.NotEmpty((await Synth.All(tts, "fine", new SynthesisOptions())).Samples);
    }

    [Fact]
    public async Task VoiceIsAVoiceFileOrALanguageAsTheCommandLineTakesIt()
    {
        using var tts = EspeakSynthesizer.Create();
        async Task<(float[] Samples, string Phonemes)> Say(string voice)
        {
            var (samples, phonemes, _) = await Synth.All(tts, "Welcome to the booth, have a look around", new SynthesisOptions(Voice: voice));
            return (samples, string.Join(' ', phonemes.Select(p => p.Phoneme)));
        }

        // A voice file (lang/gmw/en-GB-x-rp), and a language: "en-gb" is the voice that lists exactly en-gb
        // (gmw/en): the same phonemes (timing and waveform vary by a few samples from one synthesis to the next).
        Assert.NotEmpty((await Say("en-gb-x-rp")).Samples);
        var britishByLanguage = await Say("en-gb");
        Assert.NotEmpty(britishByLanguage.Samples);
        Assert.Equal((await Say("gmw/en")).Phonemes, britishByLanguage.Phonemes);
        Assert.NotEqual((await Say("en-us")).Phonemes, britishByLanguage.Phonemes);
        Assert.NotEmpty((await Say("FR")).Samples);
        var variant = await Say("en-gb+f2"); // a language with a voice variant (female 2): another pitch, same words
        Assert.Equal(britishByLanguage.Phonemes, variant.Phonemes);
        Assert.True(PitchEstimator.MedianF0(variant.Samples, tts.SampleRate) > 1.3 * PitchEstimator.MedianF0(britishByLanguage.Samples, tts.SampleRate));
        // espeak-ng's own language matching is by prefix ("no-such-voice" would select Norwegian): refused here.
        var refused = await Assert.ThrowsAsync<EspeakException>(async () => await Say("no-such-voice"));
        Assert.Contains("no voice or language 'no-such-voice'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDataFolderIsAClearError()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => EspeakSynthesizer.Create("/nonexistent/espeak-ng-data"));
        Assert.Contains("/nonexistent/espeak-ng-data", e.Message, StringComparison.Ordinal);
        var empty = Directory.CreateTempSubdirectory("espeak-empty");
        try
        {
            var f = Assert.Throws<FileNotFoundException>(() => EspeakSynthesizer.Create(empty.FullName));
            Assert.Contains("phontab", f.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void BadMultipliersAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmotionProsody.For(Emotion.Neutral).Scale(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmotionProsody.For(Emotion.Neutral).Scale(1, double.NaN));
    }
}
