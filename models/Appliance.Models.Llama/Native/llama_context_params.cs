using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>struct llama_context_params (llama.h). Get one from llama_context_default_params().</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_context_params
{
    public uint n_ctx;                  // text context in tokens, 0 = from model
    public uint n_batch;                // logical max tokens per llama_decode
    public uint n_ubatch;               // physical max batch
    public uint n_seq_max;              // max sequences
    public uint n_rs_seq;               // recurrent-state snapshots per seq
    public uint n_outputs_max;          // 0 = n_batch
    public uint n_outputs_max_per_seq;  // 0 = n_outputs_max
    public int n_threads;               // threads for single-token generation
    public int n_threads_batch;         // threads for prompt/batch processing
    public int ctx_type;                // enum llama_context_type
    public int rope_scaling_type;       // enum llama_rope_scaling_type
    public int pooling_type;            // enum llama_pooling_type
    public int attention_type;          // enum llama_attention_type
    public int flash_attn_type;         // enum llama_flash_attn_type (-1 auto)
    public float rope_freq_base;
    public float rope_freq_scale;
    public float yarn_ext_factor;
    public float yarn_attn_factor;
    public float yarn_beta_fast;
    public float yarn_beta_slow;
    public uint yarn_orig_ctx;
    public float defrag_thold;          // deprecated
    public IntPtr cb_eval;              // ggml_backend_sched_eval_callback
    public IntPtr cb_eval_user_data;
    public int type_k;                  // enum ggml_type of the K cache
    public int type_v;                  // enum ggml_type of the V cache
    public IntPtr abort_callback;       // ggml_abort_callback: bool (*)(void *)
    public IntPtr abort_callback_data;
    public sbyte embeddings;            // C bool
    public sbyte offload_kqv;           // C bool
    public sbyte no_perf;               // C bool: true = do not measure timings
    public sbyte op_offload;            // C bool
    public sbyte swa_full;              // C bool
    public sbyte kv_unified;            // C bool
    public IntPtr samplers;             // struct llama_sampler_seq_config *
    public nuint n_samplers;            // size_t
    public IntPtr ctx_other;            // struct llama_context *
}
