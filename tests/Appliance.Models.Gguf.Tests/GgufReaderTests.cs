using Appliance.Models.Gguf;
using Appliance.TestSupport;

namespace Appliance.Models.Gguf.Tests;

/// <summary>The reader on the real GGUF files and on damaged ones.</summary>
public class GgufReaderTests
{
    [Fact]
    public void ReadsStories260K()
    {
        var f = GgufReader.Read(SharedData.Stories260K);
        Assert.Equal(3u, f.Version);
        Assert.Equal("llama", f.Architecture);
        Assert.Equal(512, f.Get<string[]>("tokenizer.ggml.tokens").Length);
        Assert.Contains(f.Tensors, t => t.Name == "token_embd.weight");
        Assert.Equal(new FileInfo(SharedData.Stories260K).Length, f.DataOffset + f.Tensors.Max(t => t.Offset + t.ByteSize), 32.0);
    }

    [Fact]
    public void ReadsTheLlama2TokenizerOfTheTinyRandomModel()
    {
        var f = GgufReader.Read(SharedData.TinyRandomLlama);
        var tokens = f.Get<string[]>("tokenizer.ggml.tokens");
        Assert.Equal(32000, tokens.Length);
        Assert.Equal("<s>", tokens[1]);
        Assert.Equal(32000, f.Get<float[]>("tokenizer.ggml.scores").Length);
        Assert.Equal(GgmlType.F16, f.Tensors.Single(t => t.Name == "output.weight").Type);
        Assert.Equal(new long[] { 8, 32000 }, f.Tensors.Single(t => t.Name == "token_embd.weight").Dims);
    }

    [Fact]
    public void TruncatedFileIsAClearError()
    {
        var bytes = File.ReadAllBytes(SharedData.Stories260K);
        foreach (var cut in new[] { 3, 20, 100, 5000, bytes.Length - 10 })
        {
            var e = Assert.Throws<InvalidDataException>(() => GgufReader.Read(new MemoryStream(bytes[..cut])));
            Assert.False(string.IsNullOrEmpty(e.Message));
        }
    }

    [Fact]
    public void GarbageAndHostileCountsAreRejected()
    {
        Assert.Throws<InvalidDataException>(() => GgufReader.Read(new MemoryStream(new byte[64])));
        var hostile = File.ReadAllBytes(SharedData.Stories260K);
        BitConverter.TryWriteBytes(hostile.AsSpan(16), ulong.MaxValue); // metadata count
        var e = Assert.Throws<InvalidDataException>(() => GgufReader.Read(new MemoryStream(hostile)));
        Assert.Contains("metadata count", e.Message);
        var badVersion = File.ReadAllBytes(SharedData.Stories260K);
        BitConverter.TryWriteBytes(badVersion.AsSpan(4), 99u);
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => GgufReader.Read(new MemoryStream(badVersion))).Message);
    }
}
