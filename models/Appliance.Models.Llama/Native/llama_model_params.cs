using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>struct llama_model_params (llama.h). Get one from llama_model_default_params().</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_model_params
{
    public IntPtr devices;                      // ggml_backend_dev_t *: NULL-terminated, NULL = all devices
    public IntPtr tensor_buft_overrides;        // const struct llama_model_tensor_buft_override *
    public int n_gpu_layers;                    // layers in VRAM; negative = all
    public int split_mode;                      // enum llama_split_mode
    public int load_mode;                       // enum llama_load_mode (-1 auto, 1 mmap, ...)
    public int lazy_mode;                       // enum llama_lazy_mode
    public int main_gpu;
    public IntPtr tensor_split;                 // const float *
    public IntPtr progress_callback;            // llama_progress_callback
    public IntPtr progress_callback_user_data;
    public IntPtr kv_overrides;                 // const struct llama_model_kv_override *
    public sbyte vocab_only;                    // C bool: only load the vocabulary
    public sbyte check_tensors;                 // C bool: validate tensor data
    public sbyte use_extra_bufts;               // C bool: weight repacking buffers
    public sbyte no_host;                       // C bool
    public sbyte no_alloc;                      // C bool
    public sbyte load_mtp;                      // C bool
}
