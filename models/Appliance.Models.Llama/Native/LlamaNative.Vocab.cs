using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>llama.h: vocabulary (a const llama_vocab * borrowed from its model), tokenizer and chat templates.</summary>
public static unsafe partial class LlamaNative
{
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_vocab_n_tokens(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_vocab_type(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_vocab_bos(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_vocab_eos(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_vocab_eot(IntPtr vocab);

    [LibraryImport(LibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_is_eog(IntPtr vocab, int token);

    [LibraryImport(LibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_get_add_bos(IntPtr vocab);

    /// <summary>Returns the token count, or minus the required count when n_tokens_max is too small.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_tokenize(IntPtr vocab, byte* text, int text_len, int* tokens, int n_tokens_max,
        [MarshalAs(UnmanagedType.U1)] bool add_special, [MarshalAs(UnmanagedType.U1)] bool parse_special);

    /// <summary>Writes the piece's bytes (not NUL-terminated); negative = minus the required length.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_token_to_piece(IntPtr vocab, int token, byte* buf, int length, int lstrip,
        [MarshalAs(UnmanagedType.U1)] bool special);

    /// <summary>Text of a token sequence (handles the SPM leading space); negative = minus the required length.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_detokenize(IntPtr vocab, int* tokens, int n_tokens, byte* text, int text_len_max,
        [MarshalAs(UnmanagedType.U1)] bool remove_special, [MarshalAs(UnmanagedType.U1)] bool unparse_special);

    /// <summary>tmpl NULL is not allowed here (pass a template string). Returns the total length; may exceed length.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_chat_apply_template(byte* tmpl, llama_chat_message* chat, nuint n_msg,
        [MarshalAs(UnmanagedType.U1)] bool add_ass, byte* buf, int length);
}
