// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineTtsSupertonicModelConfig
{
    /// <summary>Path to the duration predictor model.</summary>
    public byte* duration_predictor;

    /// <summary>Path to the text encoder model.</summary>
    public byte* text_encoder;

    /// <summary>Path to the vector estimator model.</summary>
    public byte* vector_estimator;

    /// <summary>Path to the vocoder model.</summary>
    public byte* vocoder;

    /// <summary>Path to `tts.json`.</summary>
    public byte* tts_json;

    /// <summary>Path to the unicode indexer file.</summary>
    public byte* unicode_indexer;

    /// <summary>Path to the voice style file.</summary>
    public byte* voice_style;
}
