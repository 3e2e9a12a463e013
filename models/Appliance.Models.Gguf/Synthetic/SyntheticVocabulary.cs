namespace Appliance.Models.Gguf.Synthetic;

/// <summary>
/// A working SentencePiece ("llama") vocabulary of any size: the real Llama-2 pieces, scores and types
/// from a donor GGUF, the three ChatML control tokens Qwen uses, then unique filler pieces so the
/// embedding and output matrices get the production vocabulary size. Fillers are spelled with
/// Unicode private-use characters so no real text ever tokenises into them, and get the lowest score.
/// (A "gpt2" BPE vocabulary would need merges, which llama.cpp insists on.)
/// </summary>
public sealed record SyntheticVocabulary(string[] Tokens, float[] Scores, int[] TokenTypes, int Bos, int Eos, int Unknown, int Padding)
{
    public const int TypeNormal = 1;
    public const int TypeControl = 3;
    public static readonly string[] ChatMlTokens = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

    public int ImStart => Array.IndexOf(Tokens, "<|im_start|>");

    public int ImEnd => Array.IndexOf(Tokens, "<|im_end|>");

    public static SyntheticVocabulary FromDonor(string donorGgufPath, int size)
    {
        var donor = GgufReader.Read(donorGgufPath);
        if (donor.Find("tokenizer.ggml.model")?.Value is not "llama")
        {
            throw new InvalidDataException($"{donorGgufPath}: donor vocabulary must be a SentencePiece (\"llama\") tokenizer");
        }
        var tokens = donor.Get<string[]>("tokenizer.ggml.tokens");
        var scores = donor.Get<float[]>("tokenizer.ggml.scores");
        var types = donor.Get<int[]>("tokenizer.ggml.token_type");
        if (size < tokens.Length + ChatMlTokens.Length)
        {
            throw new ArgumentException($"vocabulary size {size} smaller than the donor's {tokens.Length} + {ChatMlTokens.Length} control tokens");
        }
        var t = new string[size];
        var s = new float[size];
        var y = new int[size];
        tokens.CopyTo(t, 0);
        scores.CopyTo(s, 0);
        types.CopyTo(y, 0);
        var n = tokens.Length;
        foreach (var control in ChatMlTokens)
        {
            (t[n], s[n], y[n]) = (control, 0f, TypeControl);
            n++;
        }
        for (var i = 0; n < size; i++, n++)
        {
            (t[n], s[n], y[n]) = (Filler(i), -1e9f, TypeNormal);
        }
        var bos = (int)(donor.Find("tokenizer.ggml.bos_token_id")?.Value as uint? ?? 1);
        var unk = (int)(donor.Find("tokenizer.ggml.unknown_token_id")?.Value as uint? ?? 0);
        var imEnd = Array.IndexOf(t, "<|im_end|>");
        return new(t, s, y, bos, imEnd, unk, Array.IndexOf(t, "<|endoftext|>"));
    }

    /// <summary>Base-4096 digits in the private-use area U+E000..U+EFFF, prefixed to stay distinct from any donor piece.</summary>
    private static string Filler(int index)
    {
        var chars = new List<char> { '\uF8FF' };
        do
        {
            chars.Add((char)(0xE000 + index % 4096));
            index /= 4096;
        }
        while (index > 0);
        return new string(chars.ToArray());
    }
}
