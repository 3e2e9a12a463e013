// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxGeneratedAudio
{
    /// <summary>Generated mono samples in the range [-1, 1].</summary>
    public float* samples;

    /// <summary>Number of samples in @c samples.</summary>
    public int n;

    /// <summary>Output sample rate.</summary>
    public int sample_rate;
}
