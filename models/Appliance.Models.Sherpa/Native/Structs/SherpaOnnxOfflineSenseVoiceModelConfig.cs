// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineSenseVoiceModelConfig
{
    /// <summary>Path to the ONNX model.</summary>
    public byte* model;

    /// <summary>Optional language hint.</summary>
    public byte* language;

    /// <summary>Non-zero to enable inverse text normalization.</summary>
    public int use_itn;
}
