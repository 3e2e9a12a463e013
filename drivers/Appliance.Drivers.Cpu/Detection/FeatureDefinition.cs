namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// How one feature is detected: its CPUID bit, the XCR0 state bits the OS must have enabled before the
/// instructions may run, and the flag name Linux prints in /proc/cpuinfo (for cross-checks).
/// </summary>
public sealed record FeatureDefinition(CpuFeature Feature, string Name, CpuidBit Bit, ulong Xcr0Mask, string LinuxFlag)
{
    /// <summary>XCR0 bit 1: SSE (XMM) state.</summary>
    public const ulong XcrSse = 1UL << 1;

    /// <summary>XCR0 bits 1-2: XMM + upper YMM state (AVX).</summary>
    public const ulong XcrAvx = XcrSse | (1UL << 2);

    /// <summary>XCR0 bits 5-7 on top of AVX: opmask, ZMM_Hi256, Hi16_ZMM (AVX-512).</summary>
    public const ulong XcrAvx512 = XcrAvx | (1UL << 5) | (1UL << 6) | (1UL << 7);

    /// <summary>XCR0 bits 17-18: XTILECFG and XTILEDATA (AMX).</summary>
    public const ulong XcrAmx = (1UL << 17) | (1UL << 18);

    /// <summary>Every feature the appliance cares about, bits from the Intel SDM (and ggml's cpu-feats.cpp agrees).</summary>
    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        new(CpuFeature.Sse42, "SSE4.2", new(1, 0, CpuidRegister.Ecx, 20), XcrSse, "sse4_2"),
        new(CpuFeature.Avx, "AVX", new(1, 0, CpuidRegister.Ecx, 28), XcrAvx, "avx"),
        new(CpuFeature.Fma, "FMA", new(1, 0, CpuidRegister.Ecx, 12), XcrAvx, "fma"),
        new(CpuFeature.F16c, "F16C", new(1, 0, CpuidRegister.Ecx, 29), XcrAvx, "f16c"),
        new(CpuFeature.Avx2, "AVX2", new(7, 0, CpuidRegister.Ebx, 5), XcrAvx, "avx2"),
        new(CpuFeature.Bmi2, "BMI2", new(7, 0, CpuidRegister.Ebx, 8), 0, "bmi2"),
        new(CpuFeature.Avx512F, "AVX512F", new(7, 0, CpuidRegister.Ebx, 16), XcrAvx512, "avx512f"),
        new(CpuFeature.Avx512DQ, "AVX512DQ", new(7, 0, CpuidRegister.Ebx, 17), XcrAvx512, "avx512dq"),
        new(CpuFeature.Avx512CD, "AVX512CD", new(7, 0, CpuidRegister.Ebx, 28), XcrAvx512, "avx512cd"),
        new(CpuFeature.Avx512BW, "AVX512BW", new(7, 0, CpuidRegister.Ebx, 30), XcrAvx512, "avx512bw"),
        new(CpuFeature.Avx512VL, "AVX512VL", new(7, 0, CpuidRegister.Ebx, 31), XcrAvx512, "avx512vl"),
        new(CpuFeature.Avx512Vbmi, "AVX512_VBMI", new(7, 0, CpuidRegister.Ecx, 1), XcrAvx512, "avx512vbmi"),
        new(CpuFeature.Avx512Vnni, "AVX512_VNNI", new(7, 0, CpuidRegister.Ecx, 11), XcrAvx512, "avx512_vnni"),
        new(CpuFeature.Avx512Fp16, "AVX512_FP16", new(7, 0, CpuidRegister.Edx, 23), XcrAvx512, "avx512_fp16"),
        new(CpuFeature.Avx512Bf16, "AVX512_BF16", new(7, 1, CpuidRegister.Eax, 5), XcrAvx512, "avx512_bf16"),
        new(CpuFeature.AvxVnni, "AVX_VNNI", new(7, 1, CpuidRegister.Eax, 4), XcrAvx, "avx_vnni"),
        new(CpuFeature.AmxBf16, "AMX_BF16", new(7, 0, CpuidRegister.Edx, 22), XcrAmx, "amx_bf16"),
        new(CpuFeature.AmxTile, "AMX_TILE", new(7, 0, CpuidRegister.Edx, 24), XcrAmx, "amx_tile"),
        new(CpuFeature.AmxInt8, "AMX_INT8", new(7, 0, CpuidRegister.Edx, 25), XcrAmx, "amx_int8"),
    ];

    public static FeatureDefinition Of(CpuFeature feature) => All.First(d => d.Feature == feature);

    /// <summary>AMX instructions also need the kernel's per-process permission for tile data.</summary>
    public bool NeedsAmxPermission => (Xcr0Mask & XcrAmx) != 0;
}
