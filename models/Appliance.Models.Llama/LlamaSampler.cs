using Appliance.Core.Dialog;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>Builds the llama.cpp sampler chain for a <see cref="GenerationOptions"/>.</summary>
internal static class LlamaSampler
{
    public const uint RandomSeed = 0xFFFFFFFF; // LLAMA_DEFAULT_SEED: llama.cpp picks a random seed
    public const int PenaltyWindow = 64;

    /// <summary>
    /// penalties → (greedy) or (top-k → top-p → temperature → dist(seed)). Order as in llama.cpp's common
    /// sampler: truncate first, then scale, then draw.
    /// </summary>
    public static SafeLlamaSamplerHandle Create(GenerationOptions options, int vocabSize)
    {
        var chainParams = LlamaNative.llama_sampler_chain_default_params();
        var chain = LlamaNative.llama_sampler_chain_init(chainParams);
        if (chain.IsInvalid)
        {
            throw new LlamaException("llama_sampler_chain_init returned NULL");
        }
        try
        {
            if (options.RepetitionPenalty is > 0 and not 1f)
            {
                Add(chain, LlamaNative.llama_sampler_init_penalties(vocabSize, PenaltyWindow, options.RepetitionPenalty, 0f, 0f), "penalties (RepetitionPenalty)");
            }
            else if (options.RepetitionPenalty <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.RepetitionPenalty, "RepetitionPenalty must be > 0 (1 = off)");
            }
            if (options.Temperature <= 0)
            {
                Add(chain, LlamaNative.llama_sampler_init_greedy(), "greedy");
                return chain;
            }
            if (options.TopK > 0)
            {
                Add(chain, LlamaNative.llama_sampler_init_top_k(options.TopK), "top_k (TopK)");
            }
            if (options.TopP is > 0 and < 1)
            {
                Add(chain, LlamaNative.llama_sampler_init_top_p(options.TopP, 1), "top_p (TopP)");
            }
            Add(chain, LlamaNative.llama_sampler_init_temp(options.Temperature), "temp (Temperature)");
            Add(chain, LlamaNative.llama_sampler_init_dist(options.Seed ?? RandomSeed), "dist (Seed)");
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    private static void Add(SafeLlamaSamplerHandle chain, IntPtr sampler, string what)
    {
        if (sampler == IntPtr.Zero)
        {
            throw new LlamaException($"llama_sampler_init_{what} returned NULL");
        }
        LlamaNative.llama_sampler_chain_add(chain, sampler); // the chain owns it from here
    }
}
