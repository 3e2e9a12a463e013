// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsVitsModelConfig
{
    /// <summary>Path to the VITS ONNX model, for example `./vits-ljs.onnx`.</summary>
    public byte* model;

    /// <summary>Path to the lexicon file. Ignored if @c data_dir is provided.</summary>
    public byte* lexicon;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Optional path to espeak-ng-data.</summary>
    public byte* data_dir;

    /// <summary>VITS noise scale.</summary>
    public float noise_scale;

    /// <summary>VITS duration noise scale.</summary>
    public float noise_scale_w;

    /// <summary>Speech rate scale. Values &lt; 1 are slower; values &gt; 1 are faster.</summary>
    public float length_scale;

    /// <summary>Unused legacy field kept for ABI compatibility.</summary>
    public byte* dict_dir;
}
