using System.Text;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>
/// A loaded GGUF model: weights, vocabulary and chat template. Thread-safe for tokenizing; create one
/// <see cref="LlamaContext"/> per concurrent conversation.
/// </summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly IntPtr _vocab; // borrowed from the model, valid while Handle is

    private LlamaModel(string path, SafeLlamaModelHandle handle)
    {
        Path = path;
        Handle = handle;
        _vocab = LlamaNative.llama_model_get_vocab(handle);
        VocabSize = LlamaNative.llama_vocab_n_tokens(_vocab);
        Bos = LlamaNative.llama_vocab_bos(_vocab);
        Eos = LlamaNative.llama_vocab_eos(_vocab);
        Eot = LlamaNative.llama_vocab_eot(_vocab);
        AddBos = LlamaNative.llama_vocab_get_add_bos(_vocab);
        TrainContextLength = LlamaNative.llama_model_n_ctx_train(handle);
        var buf = stackalloc byte[256];
        var n = LlamaNative.llama_model_desc(handle, buf, 256);
        Description = n > 0 ? Encoding.UTF8.GetString(buf, Math.Min(n, 255)) : "";
        FileType = LlamaRuntime.Utf8(LlamaNative.llama_ftype_name(LlamaNative.llama_model_ftype(handle)));
        ChatTemplate = ReadChatTemplate(handle);
    }

    public string Path { get; }

    public SafeLlamaModelHandle Handle { get; }

    public int VocabSize { get; }

    public int Bos { get; }

    public int Eos { get; }

    /// <summary>End-of-turn token, or -1 (LLAMA_TOKEN_NULL).</summary>
    public int Eot { get; }

    /// <summary>Whether the vocabulary wants a BOS token in front of a prompt.</summary>
    public bool AddBos { get; }

    public int TrainContextLength { get; }

    /// <summary>llama_model_desc, e.g. "llama ?B all F32".</summary>
    public string Description { get; }

    /// <summary>llama_ftype_name, e.g. "Q8_0".</summary>
    public string FileType { get; }

    /// <summary>The template stored in the GGUF (tokenizer.chat_template), or null.</summary>
    public string? ChatTemplate { get; }

    /// <summary>Total bytes of the tensors (for roofline figures).</summary>
    public ulong SizeBytes => LlamaNative.llama_model_size(Handle);

    public ulong ParameterCount => LlamaNative.llama_model_n_params(Handle);

    internal IntPtr Vocab => _vocab;

    /// <summary>
    /// Validates the file (<see cref="GgufFile.Validate"/>), initialises the runtime if needed and loads it.
    /// </summary>
    /// <exception cref="LlamaModelFileException">missing, not GGUF, truncated.</exception>
    /// <exception cref="LlamaException">llama.cpp refused the file (message quotes its log).</exception>
    public static LlamaModel Load(string path, LlamaModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= LlamaModelOptions.Default;
        var full = System.IO.Path.GetFullPath(path);
        GgufFile.Validate(full);
        if (!LlamaRuntime.IsInitialized)
        {
            LlamaRuntime.Initialize(options.Runtime);
        }
        var p = LlamaNative.llama_model_default_params();
        p.vocab_only = (sbyte)(options.VocabOnly ? 1 : 0);
        if (!options.UseMmap)
        {
            p.load_mode = 0; // LLAMA_LOAD_MODE_NONE
        }
        var handle = LlamaNative.llama_model_load_from_file(full, p);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new LlamaException($"llama_model_load_from_file({full}) returned NULL; {LlamaLog.RecentErrors()}");
        }
        return new LlamaModel(full, handle);
    }

    /// <summary>Token ids of <paramref name="text"/>.</summary>
    /// <param name="addSpecial">Add BOS (and EOS if the vocabulary wants it).</param>
    /// <param name="parseSpecial">Turn control-token text such as "&lt;|im_start|&gt;" into the control token.</param>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var capacity = bytes.Length + 8;
        while (true)
        {
            var tokens = new int[capacity];
            int n;
            fixed (byte* b = bytes)
            fixed (int* t = tokens)
            {
                n = LlamaNative.llama_tokenize(_vocab, b, bytes.Length, t, capacity, addSpecial, parseSpecial);
            }
            if (n >= 0)
            {
                return tokens[..n];
            }
            if (n == int.MinValue)
            {
                throw new LlamaException($"llama_tokenize overflowed on {bytes.Length} bytes of text");
            }
            capacity = -n;
        }
    }

    /// <summary>Number of tokens of <paramref name="text"/> without BOS/EOS.</summary>
    public int CountTokens(string text) => Tokenize(text, addSpecial: false).Length;

    /// <summary>Raw UTF-8 bytes of one token (a piece may be part of a multi-byte character).</summary>
    public byte[] TokenToPiece(int token, bool special = false)
    {
        Span<byte> small = stackalloc byte[64];
        fixed (byte* b = small)
        {
            var n = LlamaNative.llama_token_to_piece(_vocab, token, b, small.Length, 0, special);
            if (n >= 0)
            {
                return small[..n].ToArray();
            }
            var big = new byte[-n];
            fixed (byte* bb = big)
            {
                n = LlamaNative.llama_token_to_piece(_vocab, token, bb, big.Length, 0, special);
            }
            return big[..Math.Max(n, 0)];
        }
    }

    /// <summary>Text of a token sequence (llama_detokenize: the inverse of <see cref="Tokenize"/>).</summary>
    /// <param name="removeSpecial">Drop BOS/EOS.</param>
    /// <param name="unparseSpecial">Render control tokens as their text.</param>
    public string Detokenize(IReadOnlyList<int> tokens, bool removeSpecial = true, bool unparseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = tokens as int[] ?? tokens.ToArray();
        if (removeSpecial && ids.Length > 0 && ids[0] == Bos)
        {
            // llama_detokenize keeps the SPM prefix space when it strips BOS itself; without BOS it removes it.
            ids = ids[1..];
        }
        var buffer = new byte[ids.Length * 8 + 16];
        while (true)
        {
            int n;
            fixed (int* t = ids)
            fixed (byte* b = buffer)
            {
                n = LlamaNative.llama_detokenize(_vocab, t, ids.Length, b, buffer.Length, removeSpecial, unparseSpecial);
            }
            if (n >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, n);
            }
            buffer = new byte[-n];
        }
    }

    /// <summary>End of generation (EOS, EOT, ...) for this vocabulary.</summary>
    public bool IsEndOfGeneration(int token) => LlamaNative.llama_vocab_is_eog(_vocab, token);

    /// <summary>A new inference context (KV cache) on this model.</summary>
    public LlamaContext CreateContext(LlamaContextOptions? options = null) => new(this, options ?? LlamaContextOptions.Default);

    public void Dispose() => Handle.Dispose();

    private static string? ReadChatTemplate(SafeLlamaModelHandle handle)
    {
        var t = LlamaNative.llama_model_chat_template(handle, null);
        return t is null ? null : LlamaRuntime.Utf8(t);
    }
}
