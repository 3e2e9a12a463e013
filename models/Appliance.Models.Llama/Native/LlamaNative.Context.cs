using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>llama.h: context, batch, decode, threads, abort callback, logits, perf.</summary>
public static unsafe partial class LlamaNative
{
    /// <summary>Raw: SafeLlamaContextHandle.Create wraps it so the context keeps its model alive.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_init_from_model(IntPtr model, llama_context_params @params);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_free(IntPtr ctx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial uint llama_n_ctx(SafeLlamaContextHandle ctx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial uint llama_n_batch(SafeLlamaContextHandle ctx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_batch llama_batch_init(int n_tokens, int embd, int n_seq_max);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_batch_free(llama_batch batch);

    /// <summary>0 ok, 1 no KV slot, 2 aborted, -1 invalid batch, &lt; -1 fatal.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_decode(SafeLlamaContextHandle ctx, llama_batch batch);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_set_n_threads(SafeLlamaContextHandle ctx, int n_threads, int n_threads_batch);

    /// <summary>abort_callback: bool (*)(void * data); returning true aborts llama_decode.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_set_abort_callback(SafeLlamaContextHandle ctx, delegate* unmanaged[Cdecl]<void*, byte> abort_callback, void* abort_callback_data);

    [LibraryImport(LibraryNames.Llama)]
    public static partial float* llama_get_logits_ith(SafeLlamaContextHandle ctx, int i);

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_perf_context_data llama_perf_context(SafeLlamaContextHandle ctx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_perf_context_reset(SafeLlamaContextHandle ctx);
}
