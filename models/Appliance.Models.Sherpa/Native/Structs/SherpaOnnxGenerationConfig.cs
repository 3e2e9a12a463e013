// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxGenerationConfig
{
    /// <summary>Silence scale between sentences.</summary>
    public float silence_scale;

    /// <summary>Speech rate. Used only by models that support it.</summary>
    public float speed;

    /// <summary>Speaker ID for multi-speaker models.</summary>
    public int sid;

    /// <summary>Optional reference audio for zero-shot or voice-cloning models.</summary>
    public float* reference_audio;

    /// <summary>Length of @c reference_audio in samples.</summary>
    public int reference_audio_len;

    /// <summary>Sample rate of @c reference_audio.</summary>
    public int reference_sample_rate;

    /// <summary>Optional reference text associated with @c reference_audio.</summary>
    public byte* reference_text;

    /// <summary>Optional number of flow-matching steps.</summary>
    public int num_steps;

    /// <summary>Optional model-specific JSON string with extra key/value pairs.</summary>
    public byte* extra;
}
