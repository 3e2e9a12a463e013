// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineMoonshineModelConfig
{
    /// <summary>Path to the preprocessor ONNX model.</summary>
    public byte* preprocessor;

    /// <summary>Path to the encoder ONNX model.</summary>
    public byte* encoder;

    /// <summary>Path to the uncached decoder ONNX model.</summary>
    public byte* uncached_decoder;

    /// <summary>Path to the cached decoder ONNX model.</summary>
    public byte* cached_decoder;

    /// <summary>Path to the merged decoder ONNX model.</summary>
    public byte* merged_decoder;
}
