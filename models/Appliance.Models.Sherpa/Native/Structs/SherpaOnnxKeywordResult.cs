// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxKeywordResult
{
    /// <summary>Triggered keyword text. For English models this is usually space-separated words. For Chinese models it is typically the surface form without spaces.</summary>
    public byte* keyword;

    /// <summary>Token sequence as a single string. For BPE-based models this contains the decoded BPE tokens.</summary>
    public byte* tokens;

    /// <summary>Token sequence as an array. The array length is @c count. Each string is owned by this result object.</summary>
    public byte** tokens_arr;

    /// <summary>Number of decoded tokens in @c tokens_arr and @c timestamps.</summary>
    public int count;

    /// <summary>Per-token timestamps in seconds. This array has @c count elements. Element @c i corresponds to `tokens_arr[i]`.</summary>
    public float* timestamps;

    /// <summary>Start time of the current segment in seconds.</summary>
    public float start_time;

    /// <summary>JSON representation of the result. The JSON includes `keyword`, `tokens`, `timestamps`, and `start_time`.</summary>
    public byte* json;
}
