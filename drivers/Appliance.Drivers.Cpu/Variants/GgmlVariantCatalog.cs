namespace Appliance.Drivers.Cpu.Variants;

/// <summary>
/// The x86 variants node-llama-cpp 3.22.1 ships, with the options from the llama.cpp source of that
/// build (ggml/src/CMakeLists.txt, GGML_CPU_ALL_VARIANTS, ggml_add_cpu_backend_variant lines).
/// </summary>
public static class GgmlVariantCatalog
{
    public static IReadOnlyList<GgmlCpuVariant> All { get; } =
    [
        new("x64", []),
        new("sse42", ["SSE42"]),
        new("sandybridge", ["SSE42", "AVX"]),
        new("ivybridge", ["SSE42", "AVX", "F16C"]),
        new("piledriver", ["SSE42", "AVX", "F16C", "FMA"]),
        new("haswell", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2"]),
        new("skylakex", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512"]),
        new("cannonlake", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VBMI"]),
        new("cascadelake", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VNNI"]),
        new("icelake", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VBMI", "AVX512_VNNI"]),
        new("cooperlake", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VNNI", "AVX512_BF16"]),
        new("zen4", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VBMI", "AVX512_VNNI", "AVX512_BF16"]),
        new("alderlake", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX_VNNI"]),
        new("sapphirerapids", ["SSE42", "AVX", "F16C", "FMA", "AVX2", "BMI2", "AVX512", "AVX512_VBMI", "AVX512_VNNI", "AVX512_BF16", "AMX_TILE", "AMX_INT8"]),
    ];

    /// <summary>Friendly names for APPLIANCE_CPU_MAX besides the variant names themselves.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["baseline"] = "x64",
        ["sse4.2"] = "sse42",
        ["avx"] = "sandybridge",
        ["avx2"] = "haswell",
        ["avx-vnni"] = "alderlake",
        ["avx512"] = "skylakex",
        ["avx512-vnni"] = "cascadelake",
        ["avx512-bf16"] = "cooperlake",
        ["amx"] = "sapphirerapids",
    };

    public static GgmlCpuVariant? Find(string nameOrAlias)
    {
        var name = Aliases.TryGetValue(nameOrAlias, out var real) ? real : nameOrAlias;
        return All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public static GgmlCpuVariant Get(string nameOrAlias) => Find(nameOrAlias)
        ?? throw new ArgumentException($"unknown CPU variant '{nameOrAlias}'; known: {string.Join(", ", All.Select(v => v.Name).Concat(Aliases.Keys))}");
}
