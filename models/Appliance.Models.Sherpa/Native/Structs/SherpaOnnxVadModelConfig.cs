// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxVadModelConfig
{
    /// <summary>Silero VAD configuration.</summary>
    public SherpaOnnxSileroVadModelConfig silero_vad;

    /// <summary>Input sample rate expected by the detector, usually 16000.</summary>
    public int sample_rate;

    /// <summary>Number of backend threads.</summary>
    public int num_threads;

    /// <summary>Execution provider, for example "cpu" or "cuda".</summary>
    public byte* provider;

    /// <summary>Non-zero to print debug information.</summary>
    public int debug;

    /// <summary>Ten VAD configuration.</summary>
    public SherpaOnnxTenVadModelConfig ten_vad;
}
