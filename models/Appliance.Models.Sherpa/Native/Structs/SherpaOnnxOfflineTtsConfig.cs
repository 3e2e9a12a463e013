// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsConfig
{
    /// <summary>TTS model configuration.</summary>
    public SherpaOnnxOfflineTtsModelConfig model;

    /// <summary>Optional comma-separated rule FST list.</summary>
    public byte* rule_fsts;

    /// <summary>Maximum number of sentences processed per chunk.</summary>
    public int max_num_sentences;

    /// <summary>Optional FAR archives used by text normalization rules.</summary>
    public byte* rule_fars;

    /// <summary>Default silence scale between sentences.</summary>
    public float silence_scale;
}
