using Appliance.Models.Sherpa.Asr;
using Appliance.Models.Sherpa.Kws;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Native;
using Appliance.Models.Sherpa.Tests.Models;

namespace Appliance.Models.Sherpa.Tests.Asr;

/// <summary>
/// Recognizer and keyword-spotter paths that need no neural weights: every bad folder is refused in
/// C# naming the C field, and sherpa itself answers NULL (not a crash) where we rely on it.
/// </summary>
public sealed class RecognizerBindingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sherpa-asr-").FullName;

    [Fact]
    public void Dummy_weights_are_refused_naming_the_field()
    {
        var dir = DummyOnnx.Folder(root, "sherpa-onnx-sense-voice-test", "model.int8.onnx", "tokens.txt");
        File.WriteAllText(Path.Combine(dir, "tokens.txt"), "<blk> 0\nhello 1\n");
        var e = Assert.Throws<SherpaModelException>(() => new SherpaOfflineRecognizer(ModelFolderDetector.Detect(dir)));
        Assert.StartsWith("sense_voice.model:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not an ONNX model", e.Message);
    }

    [Fact]
    public void Malformed_tokens_are_refused_before_sherpa_exits_on_them()
    {
        var dir = DummyOnnx.Folder(root, "sherpa-onnx-paraformer-test", "model.onnx", "tokens.txt");
        File.WriteAllText(Path.Combine(dir, "tokens.txt"), "<blk> 0\nhello one\n");
        var e = Assert.Throws<SherpaModelException>(() => new SherpaOfflineRecognizer(ModelFolderDetector.Detect(dir)));
        Assert.StartsWith("tokens:", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Streaming_and_offline_folders_are_not_interchangeable()
    {
        string[] files = ["encoder.onnx", "decoder.onnx", "joiner.onnx", "tokens.txt"];
        var streaming = ModelFolderDetector.Detect(DummyOnnx.Folder(root, "sherpa-onnx-streaming-zipformer", files));
        var offline = ModelFolderDetector.Detect(DummyOnnx.Folder(root, "sherpa-onnx-zipformer", files));
        Assert.Contains("streaming recognizer", Assert.Throws<SherpaModelException>(() => new SherpaOfflineRecognizer(streaming)).Message);
        Assert.Contains("streaming transducer", Assert.Throws<SherpaModelException>(() => new SherpaOnlineRecognizer(offline)).Message);
        Assert.Contains("streaming transducer", Assert.Throws<SherpaModelException>(() => new SherpaKeywordSpotter(offline)).Message);
    }

    [Fact]
    public void Option_errors_name_the_field()
    {
        var dir = ModelFolderDetector.Detect(DummyOnnx.Folder(root, "sherpa-onnx-sense-voice-x", "model.onnx", "tokens.txt"));
        Assert.StartsWith("decoding_method", Assert.Throws<SherpaModelException>(() => new SherpaOfflineRecognizer(dir, new SherpaRecognizerOptions(DecodingMethod: "beam"))).Message, StringComparison.Ordinal);
        Assert.StartsWith("model_config.num_threads", Assert.Throws<SherpaModelException>(() => new SherpaOfflineRecognizer(dir, new SherpaRecognizerOptions(NumThreads: 0))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_with_tokens_outside_the_vocabulary_are_named()
    {
        var dir = DummyOnnx.Folder(root, "kws", "tokens.txt", "keywords.txt");
        File.WriteAllText(Path.Combine(dir, "tokens.txt"), "<blk> 0\n▁HE 1\nY 2\n▁KI 3\nOSK 4\n");
        File.WriteAllText(Path.Combine(dir, "keywords.txt"), "▁HE Y ▁KI OSK @HEY_KIOSK\n▁HE LLO :2.0 #0.3\n");
        var e = Assert.Throws<SherpaModelException>(() => KeywordsFile.Read("keywords_file", Path.Combine(dir, "keywords.txt"), Path.Combine(dir, "tokens.txt")));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("LLO", e.Message);
        File.WriteAllText(Path.Combine(dir, "keywords.txt"), "▁HE Y ▁KI OSK @HEY_KIOSK\n▁HE Y :1.5 #0.3\n");
        Assert.Equal(["HEY_KIOSK", "HEY"], KeywordsFile.Read("keywords_file", Path.Combine(dir, "keywords.txt"), Path.Combine(dir, "tokens.txt")));
    }

    [Fact]
    public unsafe void Sherpa_answers_NULL_for_a_missing_model_file()
    {
        // The contract the wrappers rely on: config validation failures come back as NULL.
        SherpaOnnxLibrary.Initialize();
        using var strings = new NativeStrings();
        var vad = SherpaOnnxVadModelConfig.Default();
        vad.silero_vad.model = strings.Add(Path.Combine(root, "absent.onnx"));
        Assert.Equal(IntPtr.Zero, SherpaOnnx.SherpaOnnxCreateVoiceActivityDetector(&vad, 30));

        var asr = SherpaOnnxOfflineRecognizerConfig.Default();
        asr.model_config.sense_voice.model = strings.Add(Path.Combine(root, "absent.onnx"));
        asr.model_config.tokens = strings.Add(Path.Combine(root, "absent.txt"));
        Assert.Equal(IntPtr.Zero, SherpaOnnx.SherpaOnnxCreateOfflineRecognizer(&asr));

        var tts = SherpaOnnxOfflineTtsConfig.Default();
        tts.model.vits.model = strings.Add(Path.Combine(root, "absent.onnx"));
        tts.model.vits.tokens = strings.Add(Path.Combine(root, "absent.txt"));
        Assert.Equal(IntPtr.Zero, SherpaOnnx.SherpaOnnxCreateOfflineTts(&tts));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
