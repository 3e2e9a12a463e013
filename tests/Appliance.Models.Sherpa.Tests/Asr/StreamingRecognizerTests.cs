using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Asr;
using Appliance.Models.Sherpa.Kws;
using Appliance.Models.Sherpa.Models;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Models.Sherpa.Tests.Asr;

/// <summary>
/// The real streaming recognizer and keyword spotter paths (online fbank, chunked encoder with
/// carried states, transducer greedy / keyword search, endpointing) on the stand-in transducer,
/// which says "YES" at every onset of sound after digital silence.
/// </summary>
public sealed class StreamingRecognizerTests(TinyStreamingTransducerFixture model, ITestOutputHelper output) : IClassFixture<TinyStreamingTransducerFixture>
{
    private const int Rate = 16000;

    private static float[] TwoUtterances()
    {
        var a = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_roots_19_morris_0392.wav"));
        var b = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_swag_06_tompkins_0883.wav"));
        return new float[Rate / 2].Concat(a).Concat(new float[Rate * 3 / 2]).Concat(b).Concat(new float[Rate]).ToArray();
    }

    [Fact]
    public void Streams_partials_and_finishes_with_both_onsets()
    {
        using var asr = new SherpaOnlineRecognizer(ModelFolderDetector.Detect(model.Directory), new SherpaRecognizerOptions(EnableEndpoint: false));
        using var stream = asr.CreateStream();
        var signal = TwoUtterances();
        var partials = new List<string>();
        for (var i = 0; i < signal.Length; i += 480)
        {
            stream.Accept(signal.AsSpan(i, Math.Min(480, signal.Length - i)));
            if (partials.Count == 0 || partials[^1] != stream.Partial)
            {
                partials.Add(stream.Partial);
            }
        }
        var result = stream.Finish();
        output.WriteLine(string.Join(" | ", partials) + " => " + result.Text);
        Assert.Equal("YES YES", result.Text);
        Assert.Contains("YES", partials); // the first word was known while the audio was still streaming
        Assert.Equal(string.Empty, stream.Partial); // Finish resets the stream for the next utterance
    }

    [Fact]
    public async Task RecognizeAsync_decodes_a_whole_buffer()
    {
        using var asr = new SherpaOnlineRecognizer(ModelFolderDetector.Detect(model.Directory));
        Assert.Equal("YES YES", (await asr.RecognizeAsync(TwoUtterances())).Text);
    }

    [Fact]
    public void Endpoint_rule_fires_after_trailing_silence()
    {
        // rule 2: 0.8 s of non-speech after decoded text ends the utterance.
        using var asr = new SherpaOnlineRecognizer(ModelFolderDetector.Detect(model.Directory), new SherpaRecognizerOptions(Rule2MinTrailingSilence: 0.8f));
        using var stream = (SherpaRecognitionStream)asr.CreateStream();
        var speech = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_swag_06_tompkins_0883.wav"));
        stream.Accept(new float[Rate / 4]);
        stream.Accept(speech.AsSpan(0, Rate / 2));
        Assert.False(stream.IsEndpoint);
        stream.Accept(new float[Rate * 2]);
        Assert.True(stream.IsEndpoint);
    }

    [Fact]
    public void Keyword_spotter_fires_in_each_utterance_and_never_in_the_silence()
    {
        var folder = ModelFolderDetector.Detect(model.Directory);
        using var kws = new SherpaKeywordSpotter(folder);
        Assert.Equal(["YES"], kws.Keywords);
        var a = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_roots_19_morris_0392.wav")).Length;
        var b = WavFile.ReadMono(SharedData.Speech("en", "hifitts6097_swag_06_tompkins_0883.wav")).Length;
        var signal = TwoUtterances();
        var detections = new List<WakeWordDetection>();
        for (var i = 0; i < signal.Length; i += 480)
        {
            kws.Accept(signal.AsSpan(i, Math.Min(480, signal.Length - i)), detections);
        }
        output.WriteLine(string.Join(" ", detections.Select(d => $"{d.Keyword}@{d.SampleIndex / 16000.0:F2}")));
        Assert.All(detections, d => Assert.Equal("YES", d.Keyword));
        // The binding resets the keyword stream after each hit (as sherpa requires); that also zeroes
        // the stand-in encoder's onset state, so it re-fires about every chunk while sound lasts.
        // What must hold: hits only while there is sound (plus up to 0.6 s of chunk latency), at
        // least one per utterance, none in the 1.5 s of silence between them.
        long aStart = Rate / 2, aEnd = aStart + a, bStart = aEnd + Rate * 3 / 2, bEnd = bStart + b;
        const int latency = Rate * 6 / 10;
        Assert.Contains(detections, d => d.SampleIndex >= aStart && d.SampleIndex <= aEnd + latency);
        Assert.Contains(detections, d => d.SampleIndex >= bStart && d.SampleIndex <= bEnd + latency);
        Assert.All(detections, d => Assert.True(
            (d.SampleIndex >= aStart && d.SampleIndex <= aEnd + latency) || (d.SampleIndex >= bStart && d.SampleIndex <= bEnd + latency),
            $"detection at {d.SampleIndex / 16000.0:F2} s is outside both utterances"));
        kws.Reset();
        var after = new List<WakeWordDetection>();
        kws.Accept(new float[Rate], after);
        Assert.Empty(after);
    }
}
