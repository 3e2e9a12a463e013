namespace Appliance.Models.Llama;

/// <summary>What <see cref="LlamaRuntime.Initialize"/> actually loaded.</summary>
/// <param name="Variant">The CPU variant whose library is mapped in this process, e.g. "haswell".</param>
/// <param name="Requested">What the options asked for ("auto" or a variant name).</param>
/// <param name="CpuLibrary">Full path of the libggml-cpu-*.so in use.</param>
/// <param name="NativeDirectory">Folder the libraries came from.</param>
/// <param name="Registries">ggml backend registries (e.g. "CPU").</param>
/// <param name="Devices">ggml devices as "name: description" (e.g. "CPU: Intel Xeon ...").</param>
/// <param name="Features">Feature flags the CPU backend was built with (ggml_backend_get_features), e.g. AVX2=1.</param>
/// <param name="SystemInfo">llama_print_system_info().</param>
/// <param name="Version">"llama 0.5.0-dev, ggml 0.25.1 (0ad4a86)".</param>
public sealed record LlamaBackendInfo(
    string Variant,
    string Requested,
    string CpuLibrary,
    string NativeDirectory,
    IReadOnlyList<string> Registries,
    IReadOnlyList<string> Devices,
    IReadOnlyDictionary<string, string> Features,
    string SystemInfo,
    string Version);
