using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Asr;

/// <summary>Fills SherpaOnnxOnlineRecognizerConfig (and the keyword spotter's model part) from a streaming transducer folder.</summary>
internal static unsafe class OnlineConfigBuilder
{
    public static SherpaOnnxOnlineRecognizerConfig Build(SherpaModelFolder model, SherpaRecognizerOptions options, NativeStrings s)
    {
        options.Validate();
        var config = SherpaOnnxOnlineRecognizerConfig.Default();
        config.model_config = ModelConfig(model, options.NumThreads, s);
        config.decoding_method = s.Add(options.DecodingMethod);
        config.enable_endpoint = options.EnableEndpoint ? 1 : 0;
        config.rule1_min_trailing_silence = options.Rule1MinTrailingSilence;
        config.rule2_min_trailing_silence = options.Rule2MinTrailingSilence;
        config.rule3_min_utterance_length = options.Rule3MinUtteranceLength;
        return config;
    }

    public static SherpaOnnxOnlineModelConfig ModelConfig(SherpaModelFolder model, int numThreads, NativeStrings s)
    {
        if (model.Kind != SherpaModelKind.OnlineTransducer)
        {
            throw new SherpaModelException($"'{model.Directory}' holds a {model.Kind} model; streaming recognition and keyword spotting need a streaming transducer");
        }
        var m = default(SherpaOnnxOnlineModelConfig);
        m.num_threads = numThreads;
        m.provider = s.Add("cpu");
        m.tokens = s.Add(TokensFileCheck.Require("tokens", model.File("tokens"), singleCodepoint: false));
        m.transducer.encoder = s.Add(ModelFileCheck.RequireOnnx("transducer.encoder", model.File("transducer.encoder")));
        m.transducer.decoder = s.Add(ModelFileCheck.RequireOnnx("transducer.decoder", model.File("transducer.decoder")));
        m.transducer.joiner = s.Add(ModelFileCheck.RequireOnnx("transducer.joiner", model.File("transducer.joiner")));
        return m;
    }
}
