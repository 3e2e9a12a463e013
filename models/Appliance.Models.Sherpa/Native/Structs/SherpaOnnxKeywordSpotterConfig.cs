// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxKeywordSpotterConfig
{
    /// <summary>Feature extraction parameters.</summary>
    public SherpaOnnxFeatureConfig feat_config;

    /// <summary>Streaming acoustic model configuration.</summary>
    public SherpaOnnxOnlineModelConfig model_config;

    /// <summary>Maximum number of active decoding paths.</summary>
    public int max_active_paths;

    /// <summary>Number of trailing blank symbols required before trigger finalization.</summary>
    public int num_trailing_blanks;

    /// <summary>Bonus score applied to keywords during search.</summary>
    public float keywords_score;

    /// <summary>Detection threshold. Larger values are more conservative.</summary>
    public float keywords_threshold;

    /// <summary>Optional keyword file.</summary>
    public byte* keywords_file;

    /// <summary>Optional in-memory keyword data. If non-null, it overrides @c keywords_file.</summary>
    public byte* keywords_buf;

    /// <summary>Size in bytes of @c keywords_buf, excluding any trailing `'\0'`.</summary>
    public int keywords_buf_size;
}
