// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsPocketModelConfig
{
    /// <summary>Path to `lm_flow*.onnx`.</summary>
    public byte* lm_flow;

    /// <summary>Path to `lm_main*.onnx`.</summary>
    public byte* lm_main;

    /// <summary>Path to the Pocket encoder model.</summary>
    public byte* encoder;

    /// <summary>Path to the Pocket decoder model.</summary>
    public byte* decoder;

    /// <summary>Path to the text conditioner model.</summary>
    public byte* text_conditioner;

    /// <summary>Path to `vocab.json`.</summary>
    public byte* vocab_json;

    /// <summary>Path to `token_scores.json`.</summary>
    public byte* token_scores_json;

    /// <summary>Voice embedding cache capacity.</summary>
    public int voice_embedding_cache_capacity;
}
