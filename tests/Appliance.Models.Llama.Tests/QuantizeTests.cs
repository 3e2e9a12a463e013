using Appliance.Core.Dialog;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class QuantizeTests(LlamaFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("llama-quant-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("stories260K.gguf", "Q8_0")]
    [InlineData("llama-2-tiny-random.gguf", "Q8_0")]
    [InlineData("llama-2-tiny-random.gguf", "Q4_0")]
    public void QuantizedCopyLoadsAndGenerates(string file, string type)
    {
        Assert.NotNull(fixture.Info);
        var output = Path.Combine(_dir.FullName, $"{type}-{file}");
        LlamaQuantizer.Quantize(SharedData.Llm(file), output, type, threads: 1);
        Assert.True(new FileInfo(output).Length < new FileInfo(SharedData.Llm(file)).Length);
        GgufFile.Validate(output);
        using var model = LlamaModel.Load(output);
        Assert.Equal(type, model.FileType);
        using var context = model.CreateContext(new LlamaContextOptions { Threads = 1 });
        var result = context.Complete("Once upon a time", GenerationOptions.Greedy with { MaxTokens = 8 });
        Assert.Equal(8, result.Tokens.Count);
    }

    [Fact]
    public void Q8StoriesStillTellsTheStory()
    {
        var output = Path.Combine(_dir.FullName, "stories-q8.gguf");
        LlamaQuantizer.Quantize(SharedData.Stories260K, output, "Q8_0", threads: 1);
        using var model = LlamaModel.Load(output);
        using var context = model.CreateContext(new LlamaContextOptions { Threads = 1 });
        // 8-bit weights keep the greedy path of the first words.
        Assert.StartsWith(", there was a little girl", context.Complete("Once upon a time", GenerationOptions.Greedy with { MaxTokens = 10 }).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTypeAndBadInputAreClearErrors()
    {
        var output = Path.Combine(_dir.FullName, "x.gguf");
        Assert.Throws<ArgumentException>(() => LlamaQuantizer.Quantize(SharedData.Stories260K, output, "Q9_9"));
        Assert.Throws<LlamaModelFileException>(() => LlamaQuantizer.Quantize(Path.Combine(_dir.FullName, "missing.gguf"), output, "Q8_0"));
        Assert.Throws<ArgumentException>(() => LlamaQuantizer.Quantize(SharedData.Stories260K, SharedData.Stories260K, "Q8_0"));
    }
}
