using Appliance.Models.Gguf;
using Appliance.Models.Gguf.Synthetic;
using Appliance.TestSupport;

namespace Appliance.Models.Gguf.Tests;

public class SyntheticModelTests
{
    [Fact]
    public void VocabularyIsPaddedWithUniquePiecesAndChatMlControls()
    {
        var v = SyntheticVocabulary.FromDonor(SharedData.TinyRandomLlama, ModelShape.Qwen25_05B.Vocab);
        Assert.Equal(151936, v.Tokens.Length);
        Assert.Equal(v.Tokens.Length, v.Tokens.Distinct().Count());
        Assert.Equal("<s>", v.Tokens[v.Bos]);
        Assert.Equal("<|im_end|>", v.Tokens[v.Eos]);
        Assert.Equal(SyntheticVocabulary.TypeControl, v.TokenTypes[v.ImStart]);
        Assert.Equal("▁the", v.Tokens[278]); // real Llama-2 pieces are kept in place
    }

    [Fact]
    public void TinyModelRoundTripsThroughTheReader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.gguf");
        try
        {
            var shape = ModelShape.Tiny;
            SyntheticModelWriter.Write(path, shape, SharedData.TinyRandomLlama);
            var f = GgufReader.Read(path);
            Assert.Equal("qwen2", f.Architecture);
            Assert.Equal((uint)shape.Hidden, f.Get<uint>("qwen2.embedding_length"));
            Assert.Equal(1_000_000f, f.Get<float>("qwen2.rope.freq_base"));
            Assert.Equal(shape.Vocab, f.Get<string[]>("tokenizer.ggml.tokens").Length);
            Assert.Equal(2 + shape.Layers * 12, f.Tensors.Count);
            Assert.DoesNotContain(f.Tensors, t => t.Name == "output.weight"); // tied embeddings
            Assert.Equal(shape.Parameters, f.Tensors.Sum(t => t.Elements));
            Assert.Equal(new long[] { shape.Hidden, shape.KvDim }, f.Tensors.Single(t => t.Name == "blk.1.attn_k.weight").Dims);
            var q = f.Tensors.Single(t => t.Name == "blk.0.attn_q.weight");
            var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(GgufReader.ReadTensorData(path, f, q));
            Assert.All(halves.ToArray(), x => Assert.InRange((float)x, -0.05f, 0.05f));
            Assert.True(halves.ToArray().Distinct().Count() > 1000);
            var norm = f.Tensors.Single(t => t.Name == "output_norm.weight");
            Assert.All(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(GgufReader.ReadTensorData(path, f, norm)).ToArray(), x => Assert.Equal(1f, x));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ProductionShapesHaveTheirPublishedParameterCounts()
    {
        // Qwen2.5-0.5B: 494 M parameters (0.49B in the model card); 1.5B: 1.54 B.
        Assert.InRange(ModelShape.Qwen25_05B.Parameters, 490_000_000, 500_000_000);
        Assert.InRange(ModelShape.Qwen25_15B.Parameters, 1_530_000_000, 1_550_000_000);
        Assert.Equal(64, ModelShape.Qwen25_05B.HeadDim);
        Assert.Equal(128, ModelShape.Qwen25_15B.HeadDim);
    }
}
