using System.Text;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class TokenizerTests(LlamaFixture fixture)
{
    [Theory]
    [InlineData("Once upon a time")]
    [InlineData("Hello, world! Grüße aus Zürich — 你好 🙂")]
    [InlineData("line one\nline two\ttabbed  double  spaces")]
    public void TinyRandomRoundTrips(string text)
    {
        using var model = LlamaModel.Load(SharedData.TinyRandomLlama, new LlamaModelOptions { VocabOnly = true });
        var tokens = model.Tokenize(text, addSpecial: true);
        Assert.Equal(model.Bos, tokens[0]);
        Assert.Equal(text, model.Detokenize(tokens));
        Assert.Equal(tokens.Length - 1, model.CountTokens(text));
    }

    [Fact]
    public void StoriesRoundTripsAndAddsBos()
    {
        var tokens = fixture.Stories.Tokenize("Once upon a time");
        Assert.Equal([1, 403, 407, 261, 378], tokens);
        Assert.Equal("Once upon a time", fixture.Stories.Detokenize(tokens));
    }

    /// <summary>An emoji is four byte-fallback tokens; streaming their pieces must yield it whole, never U+FFFD.</summary>
    [Fact]
    public void MultiByteCharacterSplitAcrossTokensIsAssembled()
    {
        using var model = LlamaModel.Load(SharedData.TinyRandomLlama, new LlamaModelOptions { VocabOnly = true });
        var tokens = model.Tokenize("🙂你", addSpecial: false);
        var pieces = tokens.Select(t => model.TokenToPiece(t)).ToList();
        Assert.Contains(pieces, p => p.Length == 1 && p[0] >= 0x80); // really split into single bytes
        var decoder = new Utf8PieceDecoder();
        var emitted = pieces.Select(p => decoder.Push(p)).ToList();
        Assert.DoesNotContain(emitted, s => s.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Equal("🙂你", string.Concat(emitted).TrimStart() + decoder.Flush());
    }

    [Fact]
    public void DecoderFlushesAnIncompleteTailAsReplacement()
    {
        var decoder = new Utf8PieceDecoder();
        var bytes = Encoding.UTF8.GetBytes("a你");
        Assert.Equal("a", decoder.Push(bytes.AsSpan(0, 2)));
        Assert.Equal("\uFFFD", decoder.Flush());
    }
}
