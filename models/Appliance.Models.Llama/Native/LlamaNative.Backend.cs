using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose

/// <summary>llama.h: process-wide set-up, defaults, logging and system info.</summary>
public static unsafe partial class LlamaNative
{
    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_backend_init();

    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_backend_free();

    [LibraryImport(LibraryNames.Llama)]
    public static partial byte* llama_version();

    [LibraryImport(LibraryNames.Llama)]
    public static partial byte* llama_print_system_info();

    [LibraryImport(LibraryNames.Llama)]
    public static partial long llama_time_us();

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_model_params llama_model_default_params();

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_context_params llama_context_default_params();

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_sampler_chain_params llama_sampler_chain_default_params();

    [LibraryImport(LibraryNames.Llama)]
    public static partial llama_model_quantize_params llama_model_quantize_default_params();

    /// <summary>log_callback: void (*)(enum ggml_log_level level, const char * text, void * user_data). Also sets ggml's.</summary>
    [LibraryImport(LibraryNames.Llama)]
    public static partial void llama_log_set(delegate* unmanaged[Cdecl]<int, byte*, void*, void> log_callback, void* user_data);

    [LibraryImport(LibraryNames.Llama)]
    public static partial byte* llama_ftype_name(int ftype);
}
