using Appliance.Core.Audio;
using Appliance.Models.Sherpa.Asr;
using Appliance.Models.Sherpa.Models;
using Appliance.Models.Sherpa.Vad;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Models.Sherpa.Tests.Asr;

/// <summary>
/// The real offline recognizer path (fbank + LFR + CMVN front end, onnxruntime session, CTC greedy
/// search, SenseVoice tag parsing, token table) on the stand-in SenseVoice model, which says "yes"
/// for every stretch of sound between digital silences.
/// </summary>
public sealed class OfflineRecognizerTests(TinySenseVoiceFixture model, ITestOutputHelper output) : IClassFixture<TinySenseVoiceFixture>
{
    private const int Rate = 16000;

    [Fact]
    public async Task Two_utterances_between_digital_silences_read_yes_yes()
    {
        using var asr = new SherpaOfflineRecognizer(ModelFolderDetector.Detect(model.Directory));
        var a = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_roots_19_morris_0392.wav"));
        var b = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_swag_06_tompkins_0883.wav"));
        var signal = new float[Rate / 2].Concat(a).Concat(new float[Rate * 3 / 2]).Concat(b).Concat(new float[Rate / 2]).ToArray();
        var result = await asr.RecognizeAsync(signal);
        output.WriteLine($"'{result.Text}' lang={result.Language}");
        Assert.Equal("yes yes", result.Text);
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public async Task Digital_silence_reads_nothing_and_empty_input_is_empty()
    {
        using var asr = new SherpaOfflineRecognizer(ModelFolderDetector.Detect(model.Directory));
        Assert.Equal(string.Empty, (await asr.RecognizeAsync(new float[Rate])).Text);
        Assert.Same(Appliance.Core.Speech.RecognitionResult.Empty, await asr.RecognizeAsync(ReadOnlyMemory<float>.Empty));
    }

    [Fact]
    public async Task Vad_segments_of_jfk_each_decode_on_their_own_stream()
    {
        using var asr = new SherpaOfflineRecognizer(ModelFolderDetector.Detect(model.Directory));
        using var vad = new SherpaVoiceActivityDetector();
        var segments = Vad.VadRun.Segments(vad, WavFile.ReadMono(SharedData.Speech("en", "jfk.wav")));
        var results = await Task.WhenAll(segments.Select(s => asr.RecognizeAsync(s.Samples)));
        Assert.Equal(4, results.Length);
        Assert.All(results, r => Assert.Equal("yes", r.Text));
    }
}
