namespace Appliance.Models.Sherpa.Native;

// Factory methods giving each config the defaults sherpa-onnx's c-api.cc applies to zero fields
// (SHERPA_ONNX_OR(field, default) in v1.13.4). Spelling them out keeps the C# side honest about what
// the engine will do and lets callers read a value back before creating anything.

public unsafe partial struct SherpaOnnxSileroVadModelConfig
{
    public static SherpaOnnxSileroVadModelConfig Default() => new()
    {
        threshold = 0.5f,
        min_silence_duration = 0.5f,
        min_speech_duration = 0.25f,
        window_size = 512,
        max_speech_duration = 20f,
    };
}

public unsafe partial struct SherpaOnnxVadModelConfig
{
    public static SherpaOnnxVadModelConfig Default() => new()
    {
        silero_vad = SherpaOnnxSileroVadModelConfig.Default(),
        sample_rate = 16000,
        num_threads = 1,
        ten_vad = new SherpaOnnxTenVadModelConfig
        {
            threshold = 0.5f,
            min_silence_duration = 0.5f,
            min_speech_duration = 0.25f,
            window_size = 256,
            max_speech_duration = 20f,
        },
    };
}

public unsafe partial struct SherpaOnnxFeatureConfig
{
    public static SherpaOnnxFeatureConfig Default() => new() { sample_rate = 16000, feature_dim = 80 };
}

public unsafe partial struct SherpaOnnxOfflineRecognizerConfig
{
    public static SherpaOnnxOfflineRecognizerConfig Default()
    {
        var config = new SherpaOnnxOfflineRecognizerConfig
        {
            feat_config = SherpaOnnxFeatureConfig.Default(),
            max_active_paths = 4,
            hotwords_score = 1.5f,
        };
        config.model_config.num_threads = 1;
        config.model_config.whisper.tail_paddings = -1;
        return config;
    }
}

public unsafe partial struct SherpaOnnxOnlineRecognizerConfig
{
    public static SherpaOnnxOnlineRecognizerConfig Default()
    {
        var config = new SherpaOnnxOnlineRecognizerConfig
        {
            feat_config = SherpaOnnxFeatureConfig.Default(),
            max_active_paths = 4,
            enable_endpoint = 1,
            rule1_min_trailing_silence = 2.4f,
            rule2_min_trailing_silence = 1.2f,
            rule3_min_utterance_length = 20f,
            hotwords_score = 1.5f,
        };
        config.model_config.num_threads = 1;
        config.ctc_fst_decoder_config.max_active = 3000;
        return config;
    }
}

public unsafe partial struct SherpaOnnxKeywordSpotterConfig
{
    public static SherpaOnnxKeywordSpotterConfig Default()
    {
        var config = new SherpaOnnxKeywordSpotterConfig
        {
            feat_config = SherpaOnnxFeatureConfig.Default(),
            max_active_paths = 4,
            num_trailing_blanks = 1,
            keywords_score = 1.0f,
            keywords_threshold = 0.25f,
        };
        config.model_config.num_threads = 1;
        return config;
    }
}

public unsafe partial struct SherpaOnnxOfflineTtsConfig
{
    public static SherpaOnnxOfflineTtsConfig Default()
    {
        var config = new SherpaOnnxOfflineTtsConfig { max_num_sentences = 1, silence_scale = 0.2f };
        config.model.num_threads = 1;
        config.model.vits.noise_scale = 0.667f;
        config.model.vits.noise_scale_w = 0.8f;
        config.model.vits.length_scale = 1.0f;
        config.model.matcha.noise_scale = 0.667f;
        config.model.matcha.length_scale = 1.0f;
        config.model.kokoro.length_scale = 1.0f;
        return config;
    }
}

public unsafe partial struct SherpaOnnxGenerationConfig
{
    public static SherpaOnnxGenerationConfig Default() => new() { silence_scale = 0.2f, speed = 1.0f };
}
