namespace Appliance.Models.Gguf.Synthetic;

/// <summary>
/// A decoder's tensor shapes. Speed depends on these and on the weight format, not on weight values,
/// so a random-weight model in a production shape measures production prefill/decode speed.
/// </summary>
/// <param name="Arch">llama.cpp architecture name; keys are prefixed with it ("qwen2.embedding_length").</param>
/// <param name="QkvBias">Qwen2 has biases on Q, K and V.</param>
public sealed record ModelShape(
    string Name,
    string Arch,
    int Hidden,
    int Layers,
    int Heads,
    int KvHeads,
    int Ffn,
    int Vocab,
    bool TiedEmbeddings,
    float RopeTheta,
    float RmsEps,
    int ContextLength,
    bool QkvBias)
{
    public int HeadDim => Hidden / Heads;

    public int KvDim => HeadDim * KvHeads;

    /// <summary>Qwen2.5-0.5B-Instruct (config.json of the release).</summary>
    public static ModelShape Qwen25_05B { get; } = new("qwen2.5-0.5b", "qwen2", 896, 24, 14, 2, 4864, 151936, true, 1_000_000f, 1e-6f, 32768, true);

    /// <summary>Qwen2.5-1.5B-Instruct.</summary>
    public static ModelShape Qwen25_15B { get; } = new("qwen2.5-1.5b", "qwen2", 1536, 28, 12, 2, 8960, 151936, true, 1_000_000f, 1e-6f, 32768, true);

    /// <summary>A few-MB model with the same architecture and a real tokenizer, for tests.</summary>
    public static ModelShape Tiny { get; } = new("tiny-qwen2", "qwen2", 64, 2, 4, 2, 128, 32768, true, 1_000_000f, 1e-6f, 2048, true);

    public static IReadOnlyList<ModelShape> All { get; } = [Qwen25_05B, Qwen25_15B, Tiny];

    public static ModelShape Get(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown model shape '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}");

    /// <summary>Parameter count (biases and norms included; a tied output is counted once).</summary>
    public long Parameters
    {
        get
        {
            long h = Hidden, kv = KvDim, f = Ffn;
            var perLayer = h * h * 2 + h * kv * 2 + 3 * h * f + 2 * h + (QkvBias ? h + 2 * kv : 0);
            return (long)Vocab * h * (TiedEmbeddings ? 1 : 2) + Layers * perLayer + h;
        }
    }
}
