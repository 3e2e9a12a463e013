using Appliance.Core.Audio;
using Appliance.Models.Sherpa.Vad;
using Appliance.TestSupport;
using Xunit.Abstractions;

namespace Appliance.Models.Sherpa.Tests.Vad;

/// <summary>
/// Utterance A + 1.5 s of silence + utterance B, each cut to its energy span, so the splice points
/// are known to the sample. Starts: within 100 ms of the splice (sherpa pads 72 ms before the first
/// voiced window; a soft breath at the energy onset can make silero trigger a little later). Ends: sherpa cuts min_silence after silero's last voiced window; the
/// model's probability decays over the last phoneme's tail (window + lookahead = 72 ms of latency
/// and a soft final consonant), so the cut lands after the last loud frame: 30-130 ms measured on
/// these pairs; the bound is -50..+200 ms.
/// </summary>
public sealed class SpliceTests(SileroVadFixture fixture, ITestOutputHelper output) : IClassFixture<SileroVadFixture>
{
    private const int Rate = 16000;

    public static TheoryData<string, string> Pairs() => new()
    {
        { "hifitts6097_roots_19_morris_0392.wav", "hifitts6097_swag_06_tompkins_0883.wav" },
        { "librispeech_1089-134686-0001.wav", "hifitts6097_bambatse_06_haggard_0090.wav" },
        { "hifitts6097_nada_lily_12_haggard_0130.wav", "hifitts6097_jaufry_07_lafon_0073.wav" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Two_utterances_with_a_pause_give_two_segments_at_the_splices(string fileA, string fileB)
    {
        var a = Trim(WavFile.ReadMono(SharedData.Speech("en", fileA)));
        var b = Trim(WavFile.ReadMono(SharedData.Speech("en", fileB)));
        var lead = new float[Rate / 2];
        var pause = new float[Rate * 3 / 2];
        var tail = new float[Rate];
        var signal = lead.Concat(a).Concat(pause).Concat(b).Concat(tail).ToArray();
        long aStart = lead.Length, aEnd = aStart + a.Length, bStart = aEnd + pause.Length, bEnd = bStart + b.Length;

        var segments = VadRun.Segments(fixture.Vad, signal);
        output.WriteLine($"A {aStart / 16000.0:F3}-{aEnd / 16000.0:F3} B {bStart / 16000.0:F3}-{bEnd / 16000.0:F3}, vad {VadRun.Describe(segments)}");

        var what = $"A {aStart / 16000.0:F3}-{aEnd / 16000.0:F3} B {bStart / 16000.0:F3}-{bEnd / 16000.0:F3}, vad {VadRun.Describe(segments)}";
        Assert.True(segments.Count == 2, what);
        Assert.True(segments[0].StartSample >= aStart - Rate / 10 && segments[0].StartSample <= aStart + Rate / 10, what);
        Assert.True(segments[1].StartSample >= bStart - Rate / 10 && segments[1].StartSample <= bStart + Rate / 10, what);
        Assert.True(segments[0].EndSample >= aEnd - Rate / 20 && segments[0].EndSample <= aEnd + Rate / 5, what);
        Assert.True(segments[1].EndSample >= bEnd - Rate / 20 && segments[1].EndSample <= bEnd + Rate / 5, what);
    }

    private static float[] Trim(float[] samples)
    {
        var (onset, offset) = EnergyReference.SpeechSpan(samples)!.Value;
        return samples[(int)onset..(int)offset];
    }
}
