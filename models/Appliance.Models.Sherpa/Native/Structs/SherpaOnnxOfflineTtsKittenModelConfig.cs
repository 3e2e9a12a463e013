// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsKittenModelConfig
{
    /// <summary>Path to the Kitten model.</summary>
    public byte* model;

    /// <summary>Path to the Kitten voices file.</summary>
    public byte* voices;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Optional path to espeak-ng-data.</summary>
    public byte* data_dir;

    /// <summary>Speech rate scale. Values &lt; 1 are slower; values &gt; 1 are faster.</summary>
    public float length_scale;
}
