// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxHomophoneReplacerConfig
{
    /// <summary>Unused legacy field kept for ABI compatibility.</summary>
    public byte* dict_dir;

    /// <summary>Path to the lexicon used by the homophone replacer.</summary>
    public byte* lexicon;

    /// <summary>Path to the replacement rule FST file.</summary>
    public byte* rule_fsts;
}
