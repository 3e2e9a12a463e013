// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsMatchaModelConfig
{
    /// <summary>Path to the Matcha acoustic model.</summary>
    public byte* acoustic_model;

    /// <summary>Path to the vocoder model, for example `./vocos-22khz-univ.onnx`.</summary>
    public byte* vocoder;

    /// <summary>Path to the lexicon file.</summary>
    public byte* lexicon;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Optional path to espeak-ng-data.</summary>
    public byte* data_dir;

    /// <summary>Matcha noise scale.</summary>
    public float noise_scale;

    /// <summary>Speech rate scale. Values &lt; 1 are slower; values &gt; 1 are faster.</summary>
    public float length_scale;

    /// <summary>Unused legacy field kept for ABI compatibility.</summary>
    public byte* dict_dir;
}
