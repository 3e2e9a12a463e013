// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxSpeechSegment
{
    /// <summary>Start index, in input samples, of this segment.</summary>
    public int start;

    /// <summary>Newly allocated mono samples for this segment.</summary>
    public float* samples;

    /// <summary>Number of samples in @c samples.</summary>
    public int n;
}
