using Appliance.Drivers.Cpu.Detection;

namespace Appliance.Drivers.Cpu.Variants;

/// <summary>Which kernel family a weight format runs on, given the usable features and the loaded variant.</summary>
public sealed record FormatKernel(string Format, string Kernel, string Why);

/// <summary>
/// Weight format → kernel, from the llama.cpp source of the shipped build: AMX tiles serve the types in
/// amx/common.h qtype_has_amx_kernels (Q4_0, Q4_1, Q8_0, Q4_K, Q5_K, Q6_K, IQ4_XS) when the variant was
/// built with AMX_INT8 and the kernel granted tile data; BF16 dot products use AVX512_BF16 (vec.cpp,
/// sgemm.cpp) else widen to FP32; F16 converts with F16C and multiplies in FP32 — no shipped variant is
/// compiled with -mavx512fp16, so AVX512_FP16 is detected but unused; Q4_0/Q4_K/IQ4_NL are repacked to
/// interleaved AVX2 layouts (repack.cpp) when AVX2 is present.
/// </summary>
public static class FormatKernelMap
{
    public static readonly string[] AmxTypes = ["Q4_0", "Q4_1", "Q8_0", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS"];

    public static readonly string[] Formats = ["Q4_0", "Q4_1", "Q8_0", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "BF16", "F16", "F32"];

    public static IReadOnlyList<FormatKernel> Map(IReadOnlySet<CpuFeature> usable, GgmlCpuVariant variant) =>
        Formats.Select(f => Kernel(f, usable, variant)).ToList();

    public static FormatKernel Kernel(string format, IReadOnlySet<CpuFeature> usable, GgmlCpuVariant variant)
    {
        var built = variant.RequiredFeatures;
        bool Has(CpuFeature f) => usable.Contains(f) && built.Contains(f);
        var simd = Has(CpuFeature.Avx512F) ? "AVX-512" : Has(CpuFeature.Avx2) ? "AVX2" : Has(CpuFeature.Avx) ? "AVX" : Has(CpuFeature.Sse42) ? "SSE4.2" : "scalar";
        if (AmxTypes.Contains(format) && Has(CpuFeature.AmxInt8) && Has(CpuFeature.Avx512Vnni))
        {
            return new(format, "AMX int8 tiles (prefill) + AVX512-VNNI (decode)", "amx/mmq.cpp: qtype_has_amx_kernels");
        }
        switch (format)
        {
            case "BF16":
                return Has(CpuFeature.Avx512Bf16)
                    ? new(format, "AVX512_BF16 vdpbf16ps", "vec.cpp/sgemm.cpp __AVX512BF16__")
                    : new(format, $"{simd} FP32 after widening BF16", "no AVX512_BF16 in this variant or CPU");
            case "F16":
                return Has(CpuFeature.F16c)
                    ? new(format, $"F16C conversion + {simd} FP32 FMA", "no shipped variant is built with AVX512_FP16")
                    : new(format, "scalar FP16 conversion", "no F16C");
            case "F32":
                return new(format, $"{simd} FP32", "sgemm.cpp / vec.cpp");
        }
        var dot = Has(CpuFeature.Avx512Vnni) ? "AVX512-VNNI" : Has(CpuFeature.AvxVnni) ? "AVX-VNNI" : simd;
        if (format is "Q4_0" or "Q4_K" && Has(CpuFeature.Avx2))
        {
            return new(format, $"{dot} int8 dot on AVX2-repacked 8x8 blocks", "repack.cpp: ggml_cpu_has_avx2()");
        }
        return new(format, $"{dot} int8 dot products", "quants.c");
    }
}
