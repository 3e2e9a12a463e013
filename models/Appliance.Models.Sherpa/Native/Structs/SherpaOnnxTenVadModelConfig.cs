// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxTenVadModelConfig
{
    /// <summary>Path to `ten-vad.onnx`.</summary>
    public byte* model;

    /// <summary>Speech probability threshold. Frames above this value are speech.</summary>
    public float threshold;

    /// <summary>Minimum silence duration in seconds used to close a speech segment.</summary>
    public float min_silence_duration;

    /// <summary>Minimum speech duration in seconds to keep a detected segment.</summary>
    public float min_speech_duration;

    /// <summary>Input window size in samples. A common value is 256.</summary>
    public int window_size;

    /// <summary>Maximum speech duration in seconds. When a segment exceeds this value, the detector temporarily uses a higher threshold to encourage a split.</summary>
    public float max_speech_duration;
}
