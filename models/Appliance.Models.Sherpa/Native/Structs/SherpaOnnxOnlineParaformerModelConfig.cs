// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOnlineParaformerModelConfig
{
    /// <summary>Path to the encoder ONNX model.</summary>
    public byte* encoder;

    /// <summary>Path to the decoder ONNX model.</summary>
    public byte* decoder;
}
