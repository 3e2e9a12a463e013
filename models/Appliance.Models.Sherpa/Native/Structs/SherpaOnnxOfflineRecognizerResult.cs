// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineRecognizerResult
{
    /// <summary>Recognized text.</summary>
    public byte* text;

    /// <summary>Optional token timestamps in seconds. This field may be NULL when the model does not provide token timestamps. When non-NULL, it contains @c count entries and is parallel to @c tokens_arr.</summary>
    public float* timestamps;

    /// <summary>Number of token entries in @c tokens_arr and related per-token arrays.</summary>
    public int count;

    /// <summary>Contiguous memory block containing token strings separated by '\0'. Use @c tokens_arr for convenient indexed access.</summary>
    public byte* tokens;

    /// <summary>Array of @c count pointers into @c tokens.</summary>
    public byte** tokens_arr;

    /// <summary>JSON serialization of the result.</summary>
    public byte* json;

    /// <summary>Optional recognized language label.</summary>
    public byte* lang;

    /// <summary>Optional recognized emotion label.</summary>
    public byte* emotion;

    /// <summary>Optional recognized event label.</summary>
    public byte* @event;

    /// <summary>Optional token durations in seconds, parallel to @c tokens_arr.</summary>
    public float* durations;

    /// <summary>Optional token log probabilities, parallel to @c tokens_arr.</summary>
    public float* ys_log_probs;

    /// <summary>Optional segment start times in seconds, parallel to @c segment_texts_arr.</summary>
    public float* segment_timestamps;

    /// <summary>Optional segment durations in seconds, parallel to @c segment_texts_arr.</summary>
    public float* segment_durations;

    /// <summary>Contiguous memory block containing segment texts separated by '\0'.</summary>
    public byte* segment_texts;

    /// <summary>Array of @c segment_count pointers into @c segment_texts.</summary>
    public byte** segment_texts_arr;

    /// <summary>Number of segment entries in the segment-level arrays.</summary>
    public int segment_count;
}
