using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Vad;

namespace Appliance.Models.Sherpa.Tests.Vad;

/// <summary>Bad VAD configuration is refused in C# with the C field named, never handed to sherpa.</summary>
public sealed class VadBadInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sherpa-vad-").FullName;

    [Fact]
    public void Missing_model_names_the_field_and_path()
    {
        var path = Path.Combine(dir, "nope.onnx");
        var e = Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(ModelPath: path)));
        Assert.Contains("silero_vad.model", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_refused_before_onnxruntime_sees_it()
    {
        var path = Path.Combine(dir, "garbage.onnx");
        File.WriteAllText(path, "this is not a model, it is a text file of some length");
        var e = Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(ModelPath: path)));
        Assert.Contains("not an ONNX model", e.Message);
    }

    [Theory]
    [InlineData(44100, 512, "sample_rate")]
    [InlineData(16000, 256, "silero_vad.window_size")]
    public void Unsupported_rate_or_window_is_refused(int rate, int window, string field)
    {
        var e = Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(SampleRate: rate, WindowSize: window)));
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_outside_their_range_are_refused()
    {
        Assert.Contains("silero_vad.threshold", Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(Threshold: 1.5f))).Message);
        Assert.Contains("silero_vad.min_silence_duration", Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(MinSilenceSeconds: 0))).Message);
        Assert.Contains("silero_vad.max_speech_duration", Assert.Throws<SherpaModelException>(() => new SherpaVoiceActivityDetector(new SileroVadOptions(MaxSpeechSeconds: 0.1f))).Message);
    }

    [Fact]
    public void Endpointing_parameters_reach_the_engine()
    {
        // A shorter min_silence closes segments sooner: jfk's 0.5-1.2 s pauses become more cuts
        // with 0.2 s than with 1.5 s.
        var samples = Appliance.Core.Audio.WavFile.ReadMono(Appliance.TestSupport.SharedData.Speech("en", "jfk.wav"));
        using var eager = new SherpaVoiceActivityDetector(new SileroVadOptions(MinSilenceSeconds: 0.2f));
        using var patient = new SherpaVoiceActivityDetector(new SileroVadOptions(MinSilenceSeconds: 1.5f));
        Assert.True(VadRun.Segments(eager, samples).Count > VadRun.Segments(patient, samples).Count);
    }

    [Fact]
    public void Use_after_dispose_is_an_ObjectDisposedException()
    {
        var vad = new SherpaVoiceActivityDetector();
        vad.Dispose();
        Assert.Throws<ObjectDisposedException>(() => vad.Accept(new float[512], new List<Appliance.Core.Speech.VadEvent>()));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
