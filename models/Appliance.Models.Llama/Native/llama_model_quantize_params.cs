using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>llama_model_quantize_params (llama.h). Get one from llama_model_quantize_default_params().</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_model_quantize_params
{
    public int nthread;                 // <= 0: hardware_concurrency
    public int ftype;                   // enum llama_ftype target
    public int output_tensor_type;      // enum ggml_type
    public int token_embedding_type;    // enum ggml_type
    public sbyte allow_requantize;      // C bool
    public sbyte quantize_output_tensor;// C bool
    public sbyte only_copy;             // C bool
    public sbyte pure;                  // C bool
    public sbyte keep_split;            // C bool
    public sbyte dry_run;               // C bool
    public IntPtr imatrix;              // const struct llama_model_imatrix_data *
    public IntPtr kv_overrides;         // const struct llama_model_kv_override *
    public IntPtr tt_overrides;         // const struct llama_model_tensor_override *
    public IntPtr prune_layers;         // const int32_t *
    public nuint max_buf_size;          // bytes, 0 = default (8 GiB)
}
