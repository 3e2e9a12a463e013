using System.Buffers.Binary;
using Appliance.Core.Audio;

namespace Appliance.Models.PocketSphinx.Tests;

/// <summary>Everything a technician or the pipeline can get wrong ends in a clear exception, never a native crash.</summary>
[Collection(EngineCollection.Name)]
public class BadInputTests(RecognizerFixture engines)
{
    [Fact]
    public async Task EmptyAudioIsRefused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => engines.Generic.RecognizeAsync(ReadOnlyMemory<float>.Empty));
        Assert.Contains("no audio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClippedNanAndSilentAudioDecodeWithoutCrashing()
    {
        var weird = new float[8000];
        for (var i = 0; i < weird.Length; i++)
        {
            weird[i] = i % 3 == 0 ? float.NaN : i % 3 == 1 ? 5f : -5f;
        }
        Assert.NotNull((await engines.Generic.RecognizeAsync(weird)).Text);
        Assert.Equal(string.Empty, (await engines.Generic.RecognizeAsync(new float[16000])).Text);
        Assert.NotNull((await engines.Generic.RecognizeAsync(new float[1])).Text);
    }

    [Theory]
    [InlineData(8000, 1, 16, "expected 16000 Hz mono")]
    [InlineData(16000, 2, 16, "2 channel(s)")]
    [InlineData(16000, 1, 8, "8-bit")]
    public void WrongFormatsAreRefusedWithTheFixInTheMessage(int rate, int channels, int bits, string expected)
    {
        var path = WriteWav(rate, channels, bits, 1600);
        var e = Assert.Throws<InvalidAudioException>(() => WavFile.ReadMono(path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("sox", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedNonWavAndEmptyFilesAreRefused()
    {
        var good = File.ReadAllBytes(WriteWav(16000, 1, 16, 1600));
        var truncated = Path.GetTempFileName();
        File.WriteAllBytes(truncated, good[..100]);
        Assert.Contains("truncated", Assert.Throws<InvalidAudioException>(() => WavFile.ReadMono(truncated)).Message, StringComparison.Ordinal);
        var text = Path.GetTempFileName();
        File.WriteAllText(text, "this is not audio at all, just some text");
        Assert.Contains("not a WAV", Assert.Throws<InvalidAudioException>(() => WavFile.ReadMono(text)).Message, StringComparison.Ordinal);
        var empty = WriteWav(16000, 1, 16, 0);
        Assert.Contains("no audio", Assert.Throws<InvalidAudioException>(() => WavFile.ReadMono(empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingModelFilesAreNamed()
    {
        var dir = Assert.Throws<DirectoryNotFoundException>(() => PocketSphinxRecognizer.Create(PocketSphinxOptions.FromModelDir("/nonexistent/model")));
        Assert.Contains("/nonexistent/model", dir.Message, StringComparison.Ordinal);
        var lm = Assert.Throws<FileNotFoundException>(() => PocketSphinxRecognizer.Create(new PocketSphinxOptions { LanguageModel = "/nonexistent/x.lm" }));
        Assert.Contains("/nonexistent/x.lm", lm.Message, StringComparison.Ordinal);
        var dict = Assert.Throws<FileNotFoundException>(() => PocketSphinxRecognizer.Create(new PocketSphinxOptions { Dictionary = "/nonexistent/x.dict" }));
        Assert.Contains("x.dict", dict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptLanguageModelIsAnErrorNotACrash()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.lm");
        File.WriteAllText(bad, "\\data\\\nngram 1=abc\n\\end\\\n");
        var e = Assert.Throws<PocketSphinxException>(() => PocketSphinxRecognizer.Create(new PocketSphinxOptions { LanguageModel = bad }));
        Assert.Contains(bad, e.Message, StringComparison.Ordinal);
        File.Delete(bad);
    }

    [Fact]
    public void ABadPronunciationIsRefused()
    {
        var e = Assert.Throws<PocketSphinxException>(() => PocketSphinxRecognizer.Create(
            new PocketSphinxOptions { LanguageModel = WriteTinyLm(), ExtraPronunciations = [("zorb", "Q Q Q")] }));
        Assert.Contains("zorb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneStreamAtATime()
    {
        using var first = engines.Generic.CreateStream();
        Assert.Throws<InvalidOperationException>(() => engines.Generic.CreateStream());
        first.Dispose();
        using var second = engines.Generic.CreateStream();
        second.Accept(new float[1600]);
        Assert.Equal(string.Empty, second.Finish().Text);
        Assert.Throws<InvalidOperationException>(() => second.Accept(new float[160]));
    }

    internal static string WriteTinyLm()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.arpa");
        var builder = new Language.ArpaLanguageModelBuilder();
        builder.AddSentence(["hello", "world"]);
        File.WriteAllText(path, builder.Build());
        return path;
    }

    private static string WriteWav(int rate, int channels, int bits, int frames)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.wav");
        var bytesPerFrame = channels * bits / 8;
        var data = frames * bytesPerFrame;
        var b = new byte[44 + data];
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(b.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), rate * bytesPerFrame);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), (short)bytesPerFrame);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), (short)bits);
        "data"u8.CopyTo(b.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), data);
        File.WriteAllBytes(path, b);
        return path;
    }
}
