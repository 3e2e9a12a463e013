namespace Appliance.Models.Llama;

/// <summary>How <see cref="LlamaRuntime.Initialize"/> loads the engine.</summary>
public sealed record LlamaRuntimeOptions
{
    /// <summary>
    /// CPU backend: "auto" (or null) loads every libggml-cpu-*.so and lets ggml keep the best one for this
    /// CPU; a name such as "haswell" or "sse42" forces libggml-cpu-&lt;name&gt;.so. Fixed for the process.
    /// </summary>
    public string? CpuVariant { get; init; }

    /// <summary>Folder holding the libraries; null = AppliancePaths.NativeDirs("llama").</summary>
    public string? NativeDirectory { get; init; }

    /// <summary>Where llama.cpp/ggml log lines go; null keeps the quiet default (see <see cref="LlamaLog"/>).</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; init; }

    public static LlamaRuntimeOptions Default { get; } = new();

    internal bool IsAuto => string.IsNullOrEmpty(CpuVariant) || CpuVariant.Equals("auto", StringComparison.OrdinalIgnoreCase);
}
