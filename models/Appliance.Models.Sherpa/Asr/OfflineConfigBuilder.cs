using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Asr;

/// <summary>Fills SherpaOnnxOfflineRecognizerConfig from a detected folder, checking every file first.</summary>
internal static unsafe class OfflineConfigBuilder
{
    public static SherpaOnnxOfflineRecognizerConfig Build(SherpaModelFolder model, SherpaRecognizerOptions options, NativeStrings s)
    {
        options.Validate();
        if (!model.IsRecognizer || model.IsStreaming)
        {
            throw new SherpaModelException($"'{model.Directory}' holds a {model.Kind} model, which the offline recognizer cannot load" +
                (model.IsStreaming ? " (use the streaming recognizer)" : string.Empty));
        }
        var config = SherpaOnnxOfflineRecognizerConfig.Default();
        ref var m = ref config.model_config;
        m.num_threads = options.NumThreads;
        m.provider = s.Add("cpu");
        m.tokens = s.Add(TokensFileCheck.Require("tokens", model.File("tokens"), singleCodepoint: false));
        config.decoding_method = s.Add(options.DecodingMethod);
        string Onnx(string role) => ModelFileCheck.RequireOnnx(role, model.File(role));
        switch (model.Kind)
        {
            case SherpaModelKind.SenseVoice:
                m.sense_voice.model = s.Add(Onnx("sense_voice.model"));
                m.sense_voice.language = s.Add(options.Language ?? "auto");
                m.sense_voice.use_itn = options.UseItn ? 1 : 0;
                break;
            case SherpaModelKind.Whisper:
                m.whisper.encoder = s.Add(Onnx("whisper.encoder"));
                m.whisper.decoder = s.Add(Onnx("whisper.decoder"));
                m.whisper.language = s.Add(options.Language ?? string.Empty);
                m.whisper.task = s.Add("transcribe");
                break;
            case SherpaModelKind.Paraformer:
                m.paraformer.model = s.Add(Onnx("paraformer.model"));
                break;
            case SherpaModelKind.Moonshine:
                m.moonshine.encoder = s.Add(Onnx("moonshine.encoder"));
                if (model.File("moonshine.merged_decoder") is not null)
                {
                    m.moonshine.merged_decoder = s.Add(Onnx("moonshine.merged_decoder"));
                }
                else
                {
                    m.moonshine.preprocessor = s.Add(Onnx("moonshine.preprocessor"));
                    m.moonshine.uncached_decoder = s.Add(Onnx("moonshine.uncached_decoder"));
                    m.moonshine.cached_decoder = s.Add(Onnx("moonshine.cached_decoder"));
                }
                break;
            case SherpaModelKind.Transducer:
                m.transducer.encoder = s.Add(Onnx("transducer.encoder"));
                m.transducer.decoder = s.Add(Onnx("transducer.decoder"));
                m.transducer.joiner = s.Add(Onnx("transducer.joiner"));
                break;
            default:
                throw new SherpaModelException($"'{model.Directory}' holds a {model.Kind} model, which the offline recognizer cannot load");
        }
        return config;
    }
}
