using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>llama.h: model load/free, metadata, quantization.</summary>
public static unsafe partial class LlamaNative
{
    /// <summary>Returns NULL (an invalid handle) when the file cannot be loaded; the reason goes to the log.</summary>
    [LibraryImport(LibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeLlamaModelHandle llama_model_load_from_file(string path_model, llama_model_params @params);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_model_free(IntPtr model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_model_n_embd(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_model_n_layer(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial ulong llama_model_size(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial ulong llama_model_n_params(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_model_desc(SafeLlamaModelHandle model, byte* buf, nuint buf_size);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_model_ftype(SafeLlamaModelHandle model);

    [LibraryImport(LibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int llama_model_meta_val_str(SafeLlamaModelHandle model, string key, byte* buf, nuint buf_size);

    /// <summary>name NULL = the default template; returns NULL when the model carries none.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial byte* llama_model_chat_template(SafeLlamaModelHandle model, byte* name);

    /// <summary>Returns 0 on success.</summary>
    [LibraryImport(LibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint llama_model_quantize(string fname_inp, string fname_out, llama_model_quantize_params* @params);
}
