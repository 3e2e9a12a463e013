// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxFeatureConfig
{
    /// <summary>Sample rate expected by the model, for example 16000.</summary>
    public int sample_rate;

    /// <summary>Feature dimension expected by the model, for example 80.</summary>
    public int feature_dim;
}
