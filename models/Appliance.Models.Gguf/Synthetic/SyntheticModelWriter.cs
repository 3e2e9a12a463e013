namespace Appliance.Models.Gguf.Synthetic;

/// <summary>
/// Writes a random-weight GGUF of a <see cref="ModelShape"/>: 2-D weights F16 (or F32), norms and
/// biases F32, the tensor names and metadata keys llama.cpp's loader for the architecture expects
/// (for qwen2: src/models/qwen2.cpp load_arch_tensors — separate Q/K/V with biases, output tied to
/// token_embd when absent), and a ChatML chat template.
/// </summary>
public static class SyntheticModelWriter
{
    public const string ChatTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    public static GgufWriter Build(ModelShape shape, SyntheticVocabulary vocab, GgmlType weightType = GgmlType.F16, int seed = 1)
    {
        if (weightType is not (GgmlType.F16 or GgmlType.F32))
        {
            throw new ArgumentException("the generator writes F16 or F32; quantise afterwards with llama_model_quantize", nameof(weightType));
        }
        if (vocab.Tokens.Length != shape.Vocab)
        {
            throw new ArgumentException($"vocabulary has {vocab.Tokens.Length} tokens, shape {shape.Name} needs {shape.Vocab}");
        }
        var rng = new RandomWeights(seed);
        var a = shape.Arch;
        var w = new GgufWriter()
            .Add(GgufMetadata.String("general.architecture", a))
            .Add(GgufMetadata.String("general.name", $"synthetic {shape.Name} (random weights)"))
            .Add(GgufMetadata.UInt32("general.file_type", weightType == GgmlType.F16 ? 1u : 0u))
            .Add(GgufMetadata.UInt32($"{a}.context_length", (uint)shape.ContextLength))
            .Add(GgufMetadata.UInt32($"{a}.embedding_length", (uint)shape.Hidden))
            .Add(GgufMetadata.UInt32($"{a}.block_count", (uint)shape.Layers))
            .Add(GgufMetadata.UInt32($"{a}.feed_forward_length", (uint)shape.Ffn))
            .Add(GgufMetadata.UInt32($"{a}.attention.head_count", (uint)shape.Heads))
            .Add(GgufMetadata.UInt32($"{a}.attention.head_count_kv", (uint)shape.KvHeads))
            .Add(GgufMetadata.Float32($"{a}.rope.freq_base", shape.RopeTheta))
            .Add(GgufMetadata.Float32($"{a}.attention.layer_norm_rms_epsilon", shape.RmsEps))
            .Add(GgufMetadata.String("tokenizer.ggml.model", "llama"))
            .Add(GgufMetadata.Strings("tokenizer.ggml.tokens", vocab.Tokens))
            .Add(GgufMetadata.Floats("tokenizer.ggml.scores", vocab.Scores))
            .Add(GgufMetadata.Int32s("tokenizer.ggml.token_type", vocab.TokenTypes))
            .Add(GgufMetadata.UInt32("tokenizer.ggml.bos_token_id", (uint)vocab.Bos))
            .Add(GgufMetadata.UInt32("tokenizer.ggml.eos_token_id", (uint)vocab.Eos))
            .Add(GgufMetadata.UInt32("tokenizer.ggml.unknown_token_id", (uint)vocab.Unknown))
            .Add(GgufMetadata.UInt32("tokenizer.ggml.padding_token_id", (uint)vocab.Padding))
            .Add(GgufMetadata.Bool("tokenizer.ggml.add_bos_token", false))
            .Add(GgufMetadata.String("tokenizer.chat_template", ChatTemplate));

        long h = shape.Hidden, kv = shape.KvDim, f = shape.Ffn;
        void Matrix(string name, long cols, long rows) =>
            w.AddTensor(name, [cols, rows], weightType, s =>
            {
                if (weightType == GgmlType.F16) { rng.WriteF16(s, cols * rows); } else { rng.WriteF32(s, cols * rows); }
            });
        void Vector(string name, long n, float? constant) =>
            w.AddTensor(name, [n], GgmlType.F32, s =>
            {
                if (constant is { } c) { RandomWeights.WriteF32Constant(s, n, c); } else { rng.WriteF32(s, n); }
            });

        Matrix("token_embd.weight", h, shape.Vocab);
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"blk.{i}.";
            Vector(p + "attn_norm.weight", h, 1f);
            Matrix(p + "attn_q.weight", h, h);
            Matrix(p + "attn_k.weight", h, kv);
            Matrix(p + "attn_v.weight", h, kv);
            if (shape.QkvBias)
            {
                Vector(p + "attn_q.bias", h, null);
                Vector(p + "attn_k.bias", kv, null);
                Vector(p + "attn_v.bias", kv, null);
            }
            Matrix(p + "attn_output.weight", h, h);
            Vector(p + "ffn_norm.weight", h, 1f);
            Matrix(p + "ffn_gate.weight", h, f);
            Matrix(p + "ffn_up.weight", h, f);
            Matrix(p + "ffn_down.weight", f, h);
        }
        Vector("output_norm.weight", h, 1f);
        if (!shape.TiedEmbeddings)
        {
            Matrix("output.weight", h, shape.Vocab);
        }
        return w;
    }

    /// <summary>Writes the model to <paramref name="path"/> (creating its folder).</summary>
    public static void Write(string path, ModelShape shape, string donorVocabPath, GgmlType weightType = GgmlType.F16, int seed = 1)
    {
        var vocab = SyntheticVocabulary.FromDonor(donorVocabPath, shape.Vocab);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Build(shape, vocab, weightType, seed).Write(path);
    }
}
