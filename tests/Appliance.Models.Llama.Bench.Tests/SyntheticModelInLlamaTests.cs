using Appliance.Core.Dialog;
using Appliance.Models.Gguf;

namespace Appliance.Models.Llama.Bench.Tests;

/// <summary>The generator's output is accepted by llama.cpp (qwen2 architecture), tokenises and generates.</summary>
[Collection(SyntheticCollection.Name)]
public sealed class SyntheticModelInLlamaTests(TinySyntheticFixture fixture)
{
    [Fact]
    public void F16ModelLoadsAndGeneratesTokens()
    {
        using var model = LlamaModel.Load(fixture.F16);
        Assert.Equal(32768, model.VocabSize);
        Assert.Equal(GgufReader.Read(fixture.F16).Tensors.Sum(t => t.Elements), (long)model.ParameterCount);
        using var context = model.CreateContext(new LlamaContextOptions { ContextLength = 256, Threads = 1 });
        var result = context.Complete("Hello world", GenerationOptions.Greedy with { MaxTokens = 8 });
        Assert.True(result.Tokens.Count > 0, $"no tokens generated ({result.Timings.FinishReason})");
        Assert.All(result.Tokens, t => Assert.InRange(t, 0, model.VocabSize - 1));
    }

    [Fact]
    public void TokenizerIsTheRealLlama2OneWithChatMlControls()
    {
        using var model = LlamaModel.Load(fixture.F16, new LlamaModelOptions { VocabOnly = true });
        Assert.Equal([15043, 3186], model.Tokenize("Hello world", addSpecial: false)); // Llama-2 SPM ids
        var chat = model.Tokenize("<|im_start|>user", addSpecial: false, parseSpecial: true);
        Assert.Equal(32001, chat[0]); // <|endoftext|> 32000, <|im_start|> 32001, <|im_end|> 32002
        Assert.True(model.IsEndOfGeneration(32002));
    }

    [Theory]
    [InlineData("q4_0", GgmlType.Q4_0)]
    [InlineData("q8_0", GgmlType.Q8_0)]
    [InlineData("bf16", GgmlType.BF16)]
    public void QuantisedCopiesHaveTheRequestedTypeAndGenerate(string type, GgmlType expected)
    {
        var path = fixture.Quantized(type);
        var gguf = GgufReader.Read(path);
        Assert.Equal(expected, gguf.Tensors.Single(t => t.Name == "blk.0.ffn_up.weight").Type);
        using var model = LlamaModel.Load(path);
        using var context = model.CreateContext(new LlamaContextOptions { ContextLength = 256, Threads = 1 });
        var result = context.Generate(LlmRunSpec.PromptTokens(16, model.VocabSize), GenerationOptions.Greedy with { MaxTokens = 4 });
        Assert.True(result.Tokens.Count > 0);
    }
}
