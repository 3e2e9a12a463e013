namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Instruction-set features that decide which ggml CPU variant and which kernels can run.</summary>
public enum CpuFeature
{
    Sse42,
    Avx,
    Avx2,
    Fma,
    F16c,
    Bmi2,
    Avx512F,
    Avx512CD,
    Avx512DQ,
    Avx512BW,
    Avx512VL,
    Avx512Vbmi,
    Avx512Vnni,
    Avx512Bf16,
    Avx512Fp16,
    AvxVnni,
    AmxTile,
    AmxInt8,
    AmxBf16,
}
