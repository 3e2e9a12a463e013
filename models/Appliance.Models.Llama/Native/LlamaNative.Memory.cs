using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>llama.h: the KV memory (llama_memory_t is a borrowed pointer owned by the context) and sequence state.</summary>
public static unsafe partial class LlamaNative
{
    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_get_memory(SafeLlamaContextHandle ctx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_memory_clear(IntPtr mem, [MarshalAs(UnmanagedType.U1)] bool data);

    /// <summary>Removes positions [p0, p1) of seq_id (p1 &lt; 0 = to the end). False if a partial removal is impossible.</summary>
    [LibraryImport(LibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_memory_seq_rm(IntPtr mem, int seq_id, int p0, int p1);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_memory_seq_cp(IntPtr mem, int seq_id_src, int seq_id_dst, int p0, int p1);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_memory_seq_keep(IntPtr mem, int seq_id);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_memory_seq_pos_min(IntPtr mem, int seq_id);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_memory_seq_pos_max(IntPtr mem, int seq_id);

    [LibraryImport(LibraryNames.Llama)]
    public static partial nuint llama_state_seq_get_size(SafeLlamaContextHandle ctx, int seq_id);

    [LibraryImport(LibraryNames.Llama)]
    public static partial nuint llama_state_seq_get_data(SafeLlamaContextHandle ctx, byte* dst, nuint size, int seq_id);

    /// <summary>Positive = ok, 0 = failed to load.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial nuint llama_state_seq_set_data(SafeLlamaContextHandle ctx, byte* src, nuint size, int dest_seq_id);
}
