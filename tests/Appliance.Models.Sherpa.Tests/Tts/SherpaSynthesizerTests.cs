using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Tts;
using Xunit.Abstractions;

namespace Appliance.Models.Sherpa.Tests.Tts;

/// <summary>
/// The real sherpa TTS path (espeak-ng phonemisation from Debian's espeak-ng-data, tokens.txt,
/// onnxruntime session, streaming callback) on the stand-in Piper voice.
/// </summary>
public sealed class SherpaSynthesizerTests(TinyPiperFixture voice, ITestOutputHelper output) : IClassFixture<TinyPiperFixture>
{
    private const int Hop = 256; // samples per phoneme id in the stand-in model

    [Fact]
    public async Task Streams_one_chunk_per_sentence_through_the_callback()
    {
        var model = ModelFolderDetector.Detect(voice.Directory);
        Assert.Equal(SherpaModelKind.PiperVits, model.Kind);
        using var tts = new SherpaSynthesizer(model);
        Assert.Equal(16000, tts.SampleRate);
        Assert.Equal(["en"], tts.Languages);

        var chunks = new List<SynthesisChunk>();
        await foreach (var chunk in tts.SynthesizeAsync("Hello world. This is a test of the kiosk voice.", new SynthesisOptions()))
        {
            chunks.Add(chunk);
        }
        output.WriteLine(string.Join(" ", chunks.Select(c => c.Samples.Length)));
        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(16000, c.SampleRate));
        // The model emits Hop samples per phoneme id: a whole number of ids, more for the longer sentence.
        Assert.All(chunks, c => Assert.Equal(0, c.Samples.Length % Hop));
        Assert.True(chunks[1].Samples.Length > chunks[0].Samples.Length);
        // "Hello world." is ~9 espeak phonemes; with bos/eos and a pad after each, 15..40 ids.
        Assert.InRange(chunks[0].Samples.Length / Hop, 15, 40);
        Assert.Contains(chunks[0].Samples, s => Math.Abs(s) > 0.1f);
    }

    [Fact]
    public async Task Different_text_gives_different_phonemes()
    {
        using var tts = new SherpaSynthesizer(ModelFolderDetector.Detect(voice.Directory));
        var a = await Collect(tts, "ship");
        var b = await Collect(tts, "cheese");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Cancellation_stops_generation_and_the_engine_stays_usable()
    {
        using var tts = new SherpaSynthesizer(ModelFolderDetector.Detect(voice.Directory));
        using var cts = new CancellationTokenSource();
        var text = string.Join(" ", Enumerable.Repeat("This sentence repeats.", 30));
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in tts.SynthesizeAsync(text, new SynthesisOptions(), cts.Token))
            {
                received++;
                cts.Cancel();
            }
        });
        Assert.InRange(received, 1, 2);
        Assert.NotEmpty(await Collect(tts, "Still working."));
    }

    [Fact]
    public async Task Bad_requests_are_clear_errors()
    {
        using var tts = new SherpaSynthesizer(ModelFolderDetector.Detect(voice.Directory));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Collect(tts, "hi", new SynthesisOptions(Rate: 0)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Collect(tts, "hi", new SynthesisOptions(Voice: "7")));
        Assert.Empty(await Collect(tts, "   "));
    }

    [Fact]
    public void Broken_voice_folders_are_refused_before_sherpa_sees_them()
    {
        var dir = Directory.CreateTempSubdirectory("bad-piper-").FullName;
        try
        {
            File.Copy(Path.Combine(voice.Directory, "tiny-piper.onnx"), Path.Combine(dir, "tiny-piper.onnx"));
            File.WriteAllText(Path.Combine(dir, "tokens.txt"), "_ 0\n^ 1\nab 2\n");
            var e = Assert.Throws<SherpaModelException>(() => new SherpaSynthesizer(ModelFolderDetector.Detect(dir)));
            Assert.Contains("vits.tokens", e.Message);
            File.WriteAllText(Path.Combine(dir, "tokens.txt"), "_ 0\n^ 1\n");
            Assert.Contains("'$'", Assert.Throws<SherpaModelException>(() => new SherpaSynthesizer(ModelFolderDetector.Detect(dir))).Message);
            File.WriteAllText(Path.Combine(dir, "tiny-piper.onnx"), "truncated");
            Assert.Contains("not an ONNX model", Assert.Throws<SherpaModelException>(() => new SherpaSynthesizer(ModelFolderDetector.Detect(voice.Directory + "/../" + Path.GetFileName(dir)))).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<float[]> Collect(SherpaSynthesizer tts, string text, SynthesisOptions? options = null)
    {
        var all = new List<float>();
        await foreach (var chunk in tts.SynthesizeAsync(text, options ?? new SynthesisOptions()))
        {
            all.AddRange(chunk.Samples);
        }
        return [.. all];
    }
}
