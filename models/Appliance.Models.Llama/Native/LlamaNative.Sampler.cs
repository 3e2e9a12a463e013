using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>
/// llama.h: samplers. llama_sampler_init_* return raw pointers because llama_sampler_chain_add takes
/// ownership of them; only the chain is owned by a SafeLlamaSamplerHandle.
/// </summary>
public static unsafe partial class LlamaNative
{
    [LibraryImport(LibraryNames.Llama)]
    public static partial SafeLlamaSamplerHandle llama_sampler_chain_init(llama_sampler_chain_params @params);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, IntPtr smpl);

    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_sampler_chain_n(SafeLlamaSamplerHandle chain);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_sampler_free(IntPtr smpl);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_sampler_reset(SafeLlamaSamplerHandle smpl);

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_sampler_accept(SafeLlamaSamplerHandle smpl, int token);

    /// <summary>Samples from the logits of output idx (-1 = last) and accepts the token.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial int llama_sampler_sample(SafeLlamaSamplerHandle smpl, SafeLlamaContextHandle ctx, int idx);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_greedy();

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_dist(uint seed);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_top_k(int k);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_top_p(float p, nuint min_keep);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_min_p(float p, nuint min_keep);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_temp(float t);

    [LibraryImport(LibraryNames.Llama)]
    public static partial IntPtr llama_sampler_init_penalties(int n_vocab, int penalty_last_n, float penalty_repeat, float penalty_freq, float penalty_present);

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_perf_sampler_data llama_perf_sampler(SafeLlamaSamplerHandle chain);
}
