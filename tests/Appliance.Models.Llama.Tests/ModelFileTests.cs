using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

/// <summary>Bad model files give clear exceptions (checked in C# before llama.cpp maps the file), never a crash.</summary>
[Collection(LlamaCollection.Name)]
public sealed class ModelFileTests(LlamaFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("llama-files-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void MissingFileIsNamed()
    {
        var path = Path.Combine(_dir.FullName, "nope.gguf");
        var e = Assert.Throws<LlamaModelFileException>(() => LlamaModel.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryIsRejected()
    {
        var e = Assert.Throws<LlamaModelFileException>(() => LlamaModel.Load(_dir.FullName));
        Assert.Contains("directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonGgufFileIsRejected()
    {
        var path = Write("readme.gguf", "this is a text file, not a model, but long enough to have a header"u8.ToArray());
        var e = Assert.Throws<LlamaModelFileException>(() => LlamaModel.Load(path));
        Assert.Contains("not a GGUF file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedVersionIsRejected()
    {
        var bytes = File.ReadAllBytes(SharedData.Stories260K);
        bytes[4] = 99;
        var e = Assert.Throws<LlamaModelFileException>(() => LlamaModel.Load(Write("v99.gguf", bytes)));
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Truncated copies of both shared models at many cut points: header, metadata, tensor table, data.</summary>
    [Theory]
    [InlineData("stories260K.gguf")]
    [InlineData("llama-2-tiny-random.gguf")]
    public void TruncatedCopiesThrowInsteadOfCrashing(string file)
    {
        var bytes = File.ReadAllBytes(SharedData.Llm(file));
        var summary = GgufFile.Validate(SharedData.Llm(file));
        Assert.Equal(bytes.Length, summary.Length);
        Assert.True(summary.RequiredLength <= bytes.Length);
        long[] cuts = [0, 3, 8, 23, 24, 100, 1000, summary.DataOffset - 1, summary.DataOffset, summary.DataOffset + 4096, bytes.Length / 2, bytes.Length - 1];
        foreach (var cut in cuts.Where(c => c >= 0 && c < bytes.Length).Distinct())
        {
            var path = Write($"cut-{cut}-{file}", bytes[..(int)cut]);
            var e = Assert.Throws<LlamaModelFileException>(() => LlamaModel.Load(path));
            Assert.True(e.Problem.Contains("truncated", StringComparison.Ordinal) || e.Problem.Contains("too short", StringComparison.Ordinal),
                $"cut at {cut}: {e.Message}");
        }
    }

    /// <summary>A header that passes the managed check but that llama.cpp refuses: an exception quoting its log.</summary>
    [Fact]
    public void EmptyGgufIsRefusedByLlamaWithItsReason()
    {
        byte[] header = [(byte)'G', (byte)'G', (byte)'U', (byte)'F', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.NotNull(fixture.Info);
        var e = Assert.Throws<LlamaException>(() => LlamaModel.Load(Write("empty.gguf", header)));
        Assert.Contains("llama_model_load_from_file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidFilesLoad()
    {
        using var model = LlamaModel.Load(SharedData.TinyRandomLlama);
        Assert.Equal(32000, model.VocabSize);
        Assert.Equal("F16", model.FileType);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
