using Appliance.Core.Audio;
using Appliance.Core.Speech;
using Appliance.Models.Sherpa.Vad;
using Appliance.TestSupport;

namespace Appliance.Models.Sherpa.Tests.Vad;

/// <summary>
/// Silero (through sherpa) on the real recordings, checked against the energy reference. Tolerances:
/// sherpa pads a segment start by two 36 ms windows, so starts may lead the energy onset by up to
/// 250 ms and must not lag it by more than 100 ms; an end is cut min_silence (0.5 s) after silero's
/// last voiced window, so it may trail the energy offset by up to 350 ms, or sit at the end of the
/// file when the silence after the speech is shorter than min_silence (then Flush closes it).
/// </summary>
public sealed class RecordingSegmentationTests(SileroVadFixture fixture) : IClassFixture<SileroVadFixture>
{
    private const int Rate = 16000;

    // Every third English recording keeps the test quick; the bench covers all of them.
    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in SharedData.Transcripts("en").Where((_, i) => i % 3 == 0))
        {
            data.Add(Path.GetFileName(path));
        }
        data.Add("jfk.wav");
        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Speech_span_matches_the_energy_reference(string file)
    {
        var samples = WavFile.ReadMono(SharedData.Speech("en", file));
        var (onset, offset) = EnergyReference.SpeechSpan(samples) ?? throw new InvalidOperationException("no speech in " + file);
        var events = VadRun.Events(fixture.Vad, samples);
        var segments = events.OfType<SpeechSegment>().ToList();
        var what = $"{file}: energy {onset / 16000.0:F2}-{offset / 16000.0:F2}, vad {VadRun.Describe(segments)}";

        Assert.True(segments.Count >= 1, what);
        Assert.InRange(segments[0].StartSample, onset - Rate / 4, onset + Rate / 10);
        var end = segments[^1].EndSample;
        Assert.True(end >= offset - Rate / 20, what);
        Assert.True(end <= offset + Rate * 35 / 100 || end >= samples.Length - 512, what);

        // Exactly one SpeechStarted per segment, at or after the segment start, before its end.
        var starts = events.OfType<SpeechStarted>().ToList();
        Assert.Equal(segments.Count, starts.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            Assert.InRange(starts[i].SampleIndex, segments[i].StartSample, segments[i].EndSample);
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Segment_samples_are_the_recording_at_the_reported_indices(string file)
    {
        var samples = WavFile.ReadMono(SharedData.Speech("en", file));
        foreach (var segment in VadRun.Segments(fixture.Vad, samples, chunk: 1000))
        {
            Assert.Equal(segment.EndSample - segment.StartSample, segment.Samples.Length);
            Assert.True(samples.AsSpan((int)segment.StartSample, segment.Samples.Length).SequenceEqual(segment.Samples));
        }
    }

    [Fact]
    public void Jfk_pauses_split_it_into_four_phrases()
    {
        // "And so my fellow Americans | ask not | what your country can do for you | ask what you
        // can do for your country": three pauses of 0.5-1.2 s, hand-checked in an editor; the energy
        // reference finds the same phrase onsets (0.33, 3.29, 5.42, 8.19 s).
        var samples = WavFile.ReadMono(SharedData.Speech("en", "jfk.wav"));
        var segments = VadRun.Segments(fixture.Vad, samples);
        var runs = EnergyReference.Runs(samples, minGapSeconds: 0.5);
        Assert.True(segments.Count == 4, VadRun.Describe(segments));
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(segments[i].StartSample, runs[i].Start - Rate / 4, runs[i].Start + Rate / 10);
            // The last phrase runs into the trailing crowd noise (10.85-11.0 s); Flush closes it at the end.
            var maxEnd = i == 3 ? samples.Length : runs[i].End + Rate * 35 / 100;
            Assert.InRange(segments[i].EndSample, runs[i].End - Rate / 20, maxEnd);
        }
        Assert.InRange(runs[1].Start / (double)Rate, 3.1, 3.5);
        Assert.InRange(runs[3].Start / (double)Rate, 8.0, 8.4);
    }

    [Fact]
    public void Chunk_size_does_not_change_the_result()
    {
        var samples = WavFile.ReadMono(SharedData.Speech("en", "jfk.wav"));
        var a = VadRun.Segments(fixture.Vad, samples, chunk: 160).Select(s => (s.StartSample, s.EndSample));
        var b = VadRun.Segments(fixture.Vad, samples, chunk: 16000).Select(s => (s.StartSample, s.EndSample));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Mandarin_recordings_each_give_speech_inside_the_file()
    {
        foreach (var (path, _) in SharedData.Transcripts("zh"))
        {
            var samples = WavFile.ReadMono(path);
            var segments = VadRun.Segments(fixture.Vad, samples);
            Assert.NotEmpty(segments);
            Assert.All(segments, s => Assert.InRange(s.EndSample, s.StartSample + Rate / 4, samples.Length));
        }
    }

    [Fact]
    public void Silence_and_low_noise_give_no_segment()
    {
        var rng = new Random(7);
        var noise = Enumerable.Range(0, Rate * 3).Select(_ => (float)(rng.NextDouble() - 0.5) * 0.002f).ToArray();
        Assert.Empty(VadRun.Events(fixture.Vad, new float[Rate * 3]));
        Assert.Empty(VadRun.Events(fixture.Vad, noise));
    }
}
