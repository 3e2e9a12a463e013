using Appliance.Models.Sherpa.Models;

namespace Appliance.Models.Sherpa.Tests.Models;

/// <summary>Folder detection on dummy files laid out like the official sherpa-onnx release archives.</summary>
public sealed class ModelFolderDetectorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sherpa-models-").FullName;

    private static readonly Dictionary<string, string> SenseVoiceMeta = new() { ["with_itn"] = "14", ["lang_zh"] = "3", ["vocab_size"] = "25055" };
    private static readonly Dictionary<string, string> ParaformerMeta = new() { ["lfr_window_size"] = "7", ["vocab_size"] = "8404" };
    private static readonly Dictionary<string, string> PiperMeta = new() { ["model_type"] = "vits", ["comment"] = "piper", ["language"] = "English" };
    private static readonly Dictionary<string, string> StreamingMeta = new() { ["model_type"] = "zipformer2", ["decode_chunk_len"] = "32", ["T"] = "45" };

    [Fact]
    public void SenseVoice_by_metadata_prefers_int8()
    {
        var dir = DummyOnnx.Folder(root, "asr", SenseVoiceMeta, "model.onnx", "model.int8.onnx", "tokens.txt");
        var m = ModelFolderDetector.Detect(dir);
        Assert.Equal(SherpaModelKind.SenseVoice, m.Kind);
        Assert.Equal(Path.Combine(dir, "model.int8.onnx"), m.File("sense_voice.model"));
        Assert.Equal(Path.Combine(dir, "tokens.txt"), m.File("tokens"));
        Assert.True(m.IsRecognizer);
        Assert.False(m.IsStreaming);
    }

    [Fact]
    public void Paraformer_by_metadata_even_with_the_same_file_names()
    {
        var dir = DummyOnnx.Folder(root, "asr", ParaformerMeta, "model.int8.onnx", "tokens.txt");
        Assert.Equal(SherpaModelKind.Paraformer, ModelFolderDetector.Detect(dir).Kind);
    }

    [Fact]
    public void SenseVoice_by_folder_name_when_metadata_is_absent()
    {
        var dir = DummyOnnx.Folder(root, "sherpa-onnx-sense-voice-zh-en-ja-ko-yue-2024-07-17", "model.int8.onnx", "tokens.txt");
        Assert.Equal(SherpaModelKind.SenseVoice, ModelFolderDetector.Detect(dir).Kind);
    }

    [Fact]
    public void Whisper_with_prefixed_file_names()
    {
        var dir = DummyOnnx.Folder(root, "sherpa-onnx-whisper-tiny.en", "tiny.en-encoder.int8.onnx", "tiny.en-decoder.int8.onnx", "tiny.en-encoder.onnx", "tiny.en-decoder.onnx", "tiny.en-tokens.txt");
        var m = ModelFolderDetector.Detect(dir);
        Assert.Equal(SherpaModelKind.Whisper, m.Kind);
        Assert.EndsWith("tiny.en-encoder.int8.onnx", m.File("whisper.encoder"));
        Assert.EndsWith("tiny.en-decoder.int8.onnx", m.File("whisper.decoder"));
        Assert.EndsWith("tiny.en-tokens.txt", m.File("tokens"));
    }

    [Fact]
    public void Moonshine_v1_and_v2()
    {
        var v1 = DummyOnnx.Folder(root, "m1", "preprocess.onnx", "encode.int8.onnx", "uncached_decode.int8.onnx", "cached_decode.int8.onnx", "tokens.txt");
        var m = ModelFolderDetector.Detect(v1);
        Assert.Equal(SherpaModelKind.Moonshine, m.Kind);
        Assert.EndsWith("uncached_decode.int8.onnx", m.File("moonshine.uncached_decoder"));
        Assert.EndsWith("cached_decode.int8.onnx", m.File("moonshine.cached_decoder"));
        var v2 = DummyOnnx.Folder(root, "m2", "encoder_model.ort.onnx", "merged_decoder.onnx", "tokens.txt");
        var m2 = ModelFolderDetector.Detect(v2);
        Assert.Equal(SherpaModelKind.Moonshine, m2.Kind);
        Assert.NotNull(m2.File("moonshine.merged_decoder"));
    }

    [Fact]
    public void Transducer_offline_and_streaming()
    {
        string[] files = ["encoder-epoch-99-avg-1.int8.onnx", "decoder-epoch-99-avg-1.onnx", "joiner-epoch-99-avg-1.int8.onnx", "tokens.txt"];
        var offline = DummyOnnx.Folder(root, "sherpa-onnx-zipformer-en-2023-06-26", files);
        Assert.Equal(SherpaModelKind.Transducer, ModelFolderDetector.Detect(offline).Kind);
        var byName = DummyOnnx.Folder(root, "sherpa-onnx-streaming-zipformer-en-2023-06-26", files);
        Assert.Equal(SherpaModelKind.OnlineTransducer, ModelFolderDetector.Detect(byName).Kind);
        var byMeta = DummyOnnx.Folder(root, "kws", StreamingMeta, files);
        var m = ModelFolderDetector.Detect(byMeta);
        Assert.Equal(SherpaModelKind.OnlineTransducer, m.Kind);
        Assert.True(m.IsStreaming);
        Assert.EndsWith("joiner-epoch-99-avg-1.int8.onnx", m.File("transducer.joiner"));
    }

    [Fact]
    public void Piper_with_own_or_system_espeak_data()
    {
        var own = DummyOnnx.Folder(root, "voice", PiperMeta, "en_US-amy-low.onnx", "tokens.txt", "espeak-ng-data/");
        var m = ModelFolderDetector.Detect(own);
        Assert.Equal(SherpaModelKind.PiperVits, m.Kind);
        Assert.Equal(Path.Combine(own, "espeak-ng-data"), m.File("vits.data_dir"));
        Assert.True(m.IsSynthesizer);
        var bare = DummyOnnx.Folder(root, "voice2", PiperMeta, "en_US-amy-low.onnx", "tokens.txt");
        Assert.Equal(ModelFolderDetector.SystemEspeakData, ModelFolderDetector.Detect(bare).File("vits.data_dir"));
    }

    [Fact]
    public void Matcha_and_Kokoro()
    {
        var matcha = DummyOnnx.Folder(root, "matcha-icefall-en_US-ljspeech", "model-steps-3.onnx", "vocos-22khz-univ.onnx", "tokens.txt", "espeak-ng-data/");
        var m = ModelFolderDetector.Detect(matcha);
        Assert.Equal(SherpaModelKind.Matcha, m.Kind);
        Assert.EndsWith("model-steps-3.onnx", m.File("matcha.acoustic_model"));
        Assert.EndsWith("vocos-22khz-univ.onnx", m.File("matcha.vocoder"));
        var kokoro = DummyOnnx.Folder(root, "kokoro-en-v0_19", "model.onnx", "voices.bin", "tokens.txt", "espeak-ng-data/");
        Assert.Equal(SherpaModelKind.Kokoro, ModelFolderDetector.Detect(kokoro).Kind);
    }

    [Fact]
    public void Incomplete_folder_lists_everything_missing()
    {
        var dir = DummyOnnx.Folder(root, "half", "encoder-epoch-99-avg-1.onnx", "joiner-epoch-99-avg-1.onnx");
        var e = Assert.Throws<SherpaModelException>(() => ModelFolderDetector.Detect(dir));
        Assert.Contains("Transducer", e.Message);
        Assert.Contains("transducer.decoder (decoder*.onnx)", e.Message);
        Assert.Contains("tokens (tokens.txt)", e.Message);
        Assert.DoesNotContain("transducer.joiner", e.Message);

        var kokoro = DummyOnnx.Folder(root, "kokoro-multi-lang-v1_0", "model.onnx", "tokens.txt");
        var k = Assert.Throws<SherpaModelException>(() => ModelFolderDetector.Detect(kokoro));
        Assert.Contains("kokoro.voices (voices.bin)", k.Message);
        Assert.Contains("kokoro.data_dir (espeak-ng-data/)", k.Message);
    }

    [Fact]
    public void Unrecognisable_or_missing_folders_are_clear_errors()
    {
        var plain = DummyOnnx.Folder(root, "mystery", "model.onnx", "tokens.txt");
        var e = Assert.Throws<SherpaModelException>(() => ModelFolderDetector.Detect(plain));
        Assert.Contains("not a sherpa-onnx model folder", e.Message);
        Assert.Contains("model.onnx, tokens.txt", e.Message);
        Assert.Contains("does not exist", Assert.Throws<SherpaModelException>(() => ModelFolderDetector.Detect(Path.Combine(root, "nowhere"))).Message);
    }

    [Fact]
    public void Metadata_reader_handles_real_and_dummy_models()
    {
        var silero = Appliance.Core.Native.AppliancePaths.BundledModel("vad/silero_vad.onnx")!;
        Assert.True(OnnxMetadata.Inspect(silero).IsModel);
        var dummy = Path.Combine(root, "d.onnx");
        DummyOnnx.Write(dummy, PiperMeta);
        var (isModel, meta) = OnnxMetadata.Inspect(dummy);
        Assert.False(isModel); // no graph
        Assert.Equal("piper", meta["comment"]);
        File.WriteAllText(dummy, "plain text, not protobuf at all");
        Assert.False(OnnxMetadata.Inspect(dummy).IsModel);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
