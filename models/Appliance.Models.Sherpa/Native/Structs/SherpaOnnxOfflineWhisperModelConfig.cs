// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineWhisperModelConfig
{
    /// <summary>Path to the encoder ONNX model.</summary>
    public byte* encoder;

    /// <summary>Path to the decoder ONNX model.</summary>
    public byte* decoder;

    /// <summary>Optional language hint, for example "en" or "zh".</summary>
    public byte* language;

    /// <summary>Optional Whisper task such as "transcribe" or "translate".</summary>
    public byte* task;

    /// <summary>Number of tail padding frames appended internally.</summary>
    public int tail_paddings;

    /// <summary>Non-zero to enable token-level timestamps when supported by the model.</summary>
    public int enable_token_timestamps;

    /// <summary>Non-zero to enable Whisper segment-level timestamps.</summary>
    public int enable_segment_timestamps;
}
