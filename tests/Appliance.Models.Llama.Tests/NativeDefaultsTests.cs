using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama.Tests;

/// <summary>
/// The *_default_params() values read through our structs equal what a C program linked to the same
/// libllama prints: catches a layout drift and a mismatched library at once.
/// </summary>
[Collection(LlamaCollection.Name)]
public sealed class NativeDefaultsTests(LlamaFixture fixture)
{
    [Fact]
    public void DefaultParamsSeenFromCSharpEqualThoseSeenFromC()
    {
        Assert.NotNull(fixture.Info);
        const string src = """
            #include <stdio.h>
            #include "llama.h"
            int main(void) {
              struct llama_context_params c = llama_context_default_params();
              struct llama_model_params m = llama_model_default_params();
              llama_model_quantize_params q = llama_model_quantize_default_params();
              struct llama_sampler_chain_params s = llama_sampler_chain_default_params();
              printf("%u %u %u %u %d %d %d %d %u %d %d %d %d %d %d %d %d\n", c.n_ctx, c.n_batch, c.n_ubatch, c.n_seq_max, c.n_threads, c.n_threads_batch,
                c.flash_attn_type, c.pooling_type, c.yarn_orig_ctx, c.type_k, c.type_v, c.embeddings, c.offload_kqv, c.no_perf, c.op_offload, c.swa_full, c.kv_unified);
              printf("%d %d %d %d %d %d %d %d %d %d %d\n", m.n_gpu_layers, m.split_mode, m.load_mode, m.lazy_mode, m.main_gpu,
                m.vocab_only, m.check_tensors, m.use_extra_bufts, m.no_host, m.no_alloc, m.load_mtp);
              printf("%d %d %d %d %d %d %d %d %d %d %zu\n", q.nthread, q.ftype, q.output_tensor_type, q.token_embedding_type, q.allow_requantize,
                q.quantize_output_tensor, q.only_copy, q.pure, q.keep_split, q.dry_run, q.max_buf_size);
              printf("%d\n", s.no_perf);
              return 0;
            }
            """;
        var lines = NativeHeader.CompileAndRun(src, link: true);
        var c = LlamaNative.llama_context_default_params();
        var m = LlamaNative.llama_model_default_params();
        var q = LlamaNative.llama_model_quantize_default_params();
        var s = LlamaNative.llama_sampler_chain_default_params();
        Assert.Equal(string.Join(' ', c.n_ctx, c.n_batch, c.n_ubatch, c.n_seq_max, c.n_threads, c.n_threads_batch, c.flash_attn_type, c.pooling_type,
            c.yarn_orig_ctx, c.type_k, c.type_v, c.embeddings, c.offload_kqv, c.no_perf, c.op_offload, c.swa_full, c.kv_unified), lines[0]);
        Assert.Equal(string.Join(' ', m.n_gpu_layers, m.split_mode, m.load_mode, m.lazy_mode, m.main_gpu, m.vocab_only, m.check_tensors,
            m.use_extra_bufts, m.no_host, m.no_alloc, m.load_mtp), lines[1]);
        Assert.Equal(string.Join(' ', q.nthread, q.ftype, q.output_tensor_type, q.token_embedding_type, q.allow_requantize, q.quantize_output_tensor,
            q.only_copy, q.pure, q.keep_split, q.dry_run, q.max_buf_size), lines[2]);
        Assert.Equal(s.no_perf.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[3]);
    }
}
