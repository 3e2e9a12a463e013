// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOnlineRecognizerResult
{
    /// <summary>Recognized text accumulated so far.</summary>
    public byte* text;

    /// <summary>Contiguous memory block containing token strings separated by '\0'. Use @c tokens_arr for convenient indexed access.</summary>
    public byte* tokens;

    /// <summary>Array of @c count pointers into @c tokens.</summary>
    public byte** tokens_arr;

    /// <summary>Optional token timestamps in seconds. This field may be NULL when the model does not provide timestamps. When non-NULL, it contains @c count entries and is parallel to @c tokens_arr.</summary>
    public float* timestamps;

    /// <summary>Number of entries in @c tokens_arr and, when available, @c timestamps.</summary>
    public int count;

    /// <summary>JSON serialization of the result.</summary>
    public byte* json;
}
