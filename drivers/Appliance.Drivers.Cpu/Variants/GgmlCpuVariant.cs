using Appliance.Drivers.Cpu.Detection;

namespace Appliance.Drivers.Cpu.Variants;

/// <summary>
/// One ggml CPU backend build (libggml-cpu-NAME.so): the GGML_* options it was compiled with and the
/// CPU features those options require at run time.
/// </summary>
public sealed record GgmlCpuVariant(string Name, IReadOnlyList<string> GgmlOptions)
{
    public string FileName => $"libggml-cpu-{Name}.so";

    /// <summary>The CPU features each GGML option needs (ggml-cpu/CMakeLists.txt compiler flags; cpu-feats.cpp checks).</summary>
    public static IReadOnlyList<CpuFeature> FeaturesOf(string option) => option switch
    {
        "SSE42" => [CpuFeature.Sse42],
        "AVX" => [CpuFeature.Avx],
        "F16C" => [CpuFeature.F16c],
        "FMA" => [CpuFeature.Fma],
        "AVX2" => [CpuFeature.Avx2],
        "BMI2" => [CpuFeature.Bmi2],
        "AVX_VNNI" => [CpuFeature.AvxVnni],
        // -mavx512f -mavx512cd -mavx512vl -mavx512dq -mavx512bw
        "AVX512" => [CpuFeature.Avx512F, CpuFeature.Avx512CD, CpuFeature.Avx512VL, CpuFeature.Avx512DQ, CpuFeature.Avx512BW],
        "AVX512_VBMI" => [CpuFeature.Avx512Vbmi],
        "AVX512_VNNI" => [CpuFeature.Avx512Vnni],
        "AVX512_BF16" => [CpuFeature.Avx512Bf16],
        "AMX_TILE" => [CpuFeature.AmxTile],
        "AMX_INT8" => [CpuFeature.AmxInt8],
        "AMX_BF16" => [CpuFeature.AmxBf16],
        _ => throw new ArgumentException($"unknown GGML CPU option {option}", nameof(option)),
    };

    public IReadOnlySet<CpuFeature> RequiredFeatures => GgmlOptions.SelectMany(FeaturesOf).ToHashSet();

    /// <summary>ggml's own ranking (ggml_backend_cpu_x86_score): a bit per option; the loader picks the highest usable.</summary>
    public int GgmlScore => 1 + GgmlOptions.Sum(o => o switch
    {
        "FMA" => 1,
        "F16C" => 1 << 1,
        "SSE42" => 1 << 2,
        "BMI2" => 1 << 3,
        "AVX" => 1 << 4,
        "AVX2" => 1 << 5,
        "AVX_VNNI" => 1 << 6,
        "AVX512" => 1 << 7,
        "AVX512_VBMI" => 1 << 8,
        "AVX512_BF16" => 1 << 9,
        "AVX512_VNNI" => 1 << 10,
        "AMX_INT8" => 1 << 11,
        _ => 0,
    });

    public bool CanRunOn(IReadOnlySet<CpuFeature> usable) => RequiredFeatures.All(usable.Contains);

    public override string ToString() => $"{Name} ({string.Join(' ', GgmlOptions)})";
}
