// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsKokoroModelConfig
{
    /// <summary>Path to the Kokoro model, for example `./kokoro-en-v0_19/model.onnx`.</summary>
    public byte* model;

    /// <summary>Path to the Kokoro voices file.</summary>
    public byte* voices;

    /// <summary>Path to the tokens file.</summary>
    public byte* tokens;

    /// <summary>Optional path to espeak-ng-data.</summary>
    public byte* data_dir;

    /// <summary>Speech rate scale. Values &lt; 1 are slower; values &gt; 1 are faster.</summary>
    public float length_scale;

    /// <summary>Unused legacy field kept for ABI compatibility.</summary>
    public byte* dict_dir;

    /// <summary>Optional lexicon file.</summary>
    public byte* lexicon;

    /// <summary>Optional language hint.</summary>
    public byte* lang;
}
