// Mirror of the C struct of the same name in sherpa-onnx/c-api/c-api.h (v1.13.4), field by field.
using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

[StructLayout(LayoutKind.Sequential)]
public unsafe partial struct SherpaOnnxOnlineRecognizerConfig
{
    /// <summary>Feature extraction settings.</summary>
    public SherpaOnnxFeatureConfig feat_config;

    /// <summary>Streaming model configuration.</summary>
    public SherpaOnnxOnlineModelConfig model_config;

    /// <summary>Decoding method, for example "greedy_search" or "modified_beam_search".</summary>
    public byte* decoding_method;

    /// <summary>Number of active paths for modified beam search.</summary>
    public int max_active_paths;

    /// <summary>Set to non-zero to enable endpoint detection.</summary>
    public int enable_endpoint;

    /// <summary>Endpoint rule 1 trailing silence threshold in seconds.</summary>
    public float rule1_min_trailing_silence;

    /// <summary>Endpoint rule 2 trailing silence threshold in seconds.</summary>
    public float rule2_min_trailing_silence;

    /// <summary>Endpoint rule 3 utterance-length threshold in seconds.</summary>
    public float rule3_min_utterance_length;

    /// <summary>Path to a hotwords file.</summary>
    public byte* hotwords_file;

    /// <summary>Bonus score added to each hotword token during decoding.</summary>
    public float hotwords_score;

    /// <summary>Optional HLG/FST online CTC decoder configuration.</summary>
    public SherpaOnnxOnlineCtcFstDecoderConfig ctc_fst_decoder_config;

    /// <summary>Path to punctuation or text-processing rule FSTs.</summary>
    public byte* rule_fsts;

    /// <summary>Path to FAR archives used by text-processing rules.</summary>
    public byte* rule_fars;

    /// <summary>Optional blank penalty applied during decoding.</summary>
    public float blank_penalty;

    /// <summary>Optional in-memory hotwords text used instead of @c hotwords_file.</summary>
    public byte* hotwords_buf;

    /// <summary>Size in bytes of @c hotwords_buf, excluding the trailing '\0'.</summary>
    public int hotwords_buf_size;

    /// <summary>Optional homophone replacement configuration.</summary>
    public SherpaOnnxHomophoneReplacerConfig hr;
}
