// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOfflineRecognizerConfig
{
    /// <summary>Feature extraction settings.</summary>
    public SherpaOnnxFeatureConfig feat_config;

    /// <summary>Offline model configuration.</summary>
    public SherpaOnnxOfflineModelConfig model_config;

    /// <summary>Optional language model configuration.</summary>
    public SherpaOnnxOfflineLMConfig lm_config;

    /// <summary>Decoding method, for example "greedy_search" or "modified_beam_search".</summary>
    public byte* decoding_method;

    /// <summary>Number of active paths for modified beam search.</summary>
    public int max_active_paths;

    /// <summary>Path to a hotwords file.</summary>
    public byte* hotwords_file;

    /// <summary>Bonus score added to each hotword token.</summary>
    public float hotwords_score;

    /// <summary>Path to punctuation or text-processing rule FSTs.</summary>
    public byte* rule_fsts;

    /// <summary>Path to FAR archives used by text-processing rules.</summary>
    public byte* rule_fars;

    /// <summary>Optional blank penalty applied during decoding.</summary>
    public float blank_penalty;

    /// <summary>Optional homophone replacement configuration.</summary>
    public SherpaOnnxHomophoneReplacerConfig hr;
}
