using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Tts;

/// <summary>
/// Fills SherpaOnnxOfflineTtsConfig from a detected folder, validating every file in C# first
/// (sherpa exits the process on a malformed tokens file or an espeak-ng-data it cannot open).
/// </summary>
internal static unsafe class TtsConfigBuilder
{
    public static SherpaOnnxOfflineTtsConfig Build(SherpaModelFolder model, SherpaSynthesizerOptions options, NativeStrings strings)
    {
        var config = SherpaOnnxOfflineTtsConfig.Default();
        config.model.num_threads = options.NumThreads;
        config.model.provider = strings.Add("cpu");
        config.max_num_sentences = options.MaxSentencesPerChunk;
        config.silence_scale = options.SilenceScale;
        switch (model.Kind)
        {
            case SherpaModelKind.PiperVits:
                config.model.vits.model = strings.Add(ModelFileCheck.RequireOnnx("vits.model", model.File("vits.model")));
                config.model.vits.tokens = strings.Add(TokensFileCheck.Require("vits.tokens", model.File("vits.tokens"), singleCodepoint: true, "_", "^", "$"));
                config.model.vits.data_dir = strings.Add(EspeakDataCheck.Require("vits.data_dir", model.File("vits.data_dir")));
                break;
            case SherpaModelKind.Matcha:
                config.model.matcha.acoustic_model = strings.Add(ModelFileCheck.RequireOnnx("matcha.acoustic_model", model.File("matcha.acoustic_model")));
                config.model.matcha.vocoder = strings.Add(ModelFileCheck.RequireOnnx("matcha.vocoder", model.File("matcha.vocoder")));
                config.model.matcha.tokens = strings.Add(TokensFileCheck.Require("matcha.tokens", model.File("matcha.tokens"), singleCodepoint: false));
                if (model.File("matcha.lexicon") is { } lexicon)
                {
                    config.model.matcha.lexicon = strings.Add(ModelFileCheck.RequireFile("matcha.lexicon", lexicon));
                }
                else
                {
                    config.model.matcha.data_dir = strings.Add(EspeakDataCheck.Require("matcha.data_dir", model.File("matcha.data_dir")));
                }
                break;
            case SherpaModelKind.Kokoro:
                config.model.kokoro.model = strings.Add(ModelFileCheck.RequireOnnx("kokoro.model", model.File("kokoro.model")));
                config.model.kokoro.voices = strings.Add(ModelFileCheck.RequireFile("kokoro.voices", model.File("kokoro.voices")));
                config.model.kokoro.tokens = strings.Add(TokensFileCheck.Require("kokoro.tokens", model.File("kokoro.tokens"), singleCodepoint: true));
                config.model.kokoro.data_dir = strings.Add(EspeakDataCheck.Require("kokoro.data_dir", model.File("kokoro.data_dir")));
                break;
            default:
                throw new SherpaModelException($"'{model.Directory}' holds a {model.Kind} model, which is not a speech synthesizer");
        }
        return config;
    }
}
