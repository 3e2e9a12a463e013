using Appliance.Avatar.Timeline;
using Appliance.Avatar.Visemes;
using Appliance.Core.Speech;
using Appliance.Models.EspeakNg;

namespace Appliance.Avatar.Tests;

public class TimelineBuilderTests
{
    private static async Task<(float[] Samples, List<PhonemeMark> Marks, int Rate)> Speak(string text, string language = "en")
    {
        using var tts = EspeakSynthesizer.Create();
        var samples = new List<float>();
        var marks = new List<PhonemeMark>();
        await foreach (var chunk in tts.SynthesizeAsync(text, new SynthesisOptions(language)))
        {
            samples.AddRange(chunk.Samples);
            marks.AddRange(chunk.Phonemes);
        }
        return (samples.ToArray(), marks, tts.SampleRate);
    }

    [Fact]
    public async Task TimelineFromRealEspeakPhonemesFollowsTheAudio()
    {
        var (samples, marks, rate) = await Speak("My name is Mia. Welcome to the museum, how can I help you?");
        Assert.True(marks.Count > 20, $"only {marks.Count} phoneme marks");
        const double start = 5000;
        var cues = TimelineBuilder.FromPhonemes(marks, rate, start, samples.Length);
        var endMs = start + samples.Length * 1000.0 / rate;

        Assert.All(cues, c => Assert.Equal("viseme", c.Kind));
        Assert.True(cues.Zip(cues.Skip(1)).All(p => p.First.T < p.Second.T), "cue times must increase");
        Assert.True(cues.Zip(cues.Skip(1)).All(p => p.First.Value != p.Second.Value), "repeated shapes must be merged");
        Assert.InRange(cues[0].T, start, endMs);
        Assert.Equal("Rest", cues[^1].Value);
        Assert.Equal(Math.Round(endMs, 2), cues[^1].T);
        var shapes = cues.Select(c => c.Value).ToHashSet();
        Assert.Contains("MBP", shapes);  // "My", "museum", "help"
        Assert.Contains("AA", shapes);   // "My" /aI/
        Assert.True(shapes.Count >= 7, "speech should use many mouth shapes: " + string.Join(",", shapes));

        // Wide-open shapes sit on loud audio; closures and rests on quieter audio: the mapping really
        // follows what is heard, not just the phoneme list.
        double Loudness(AvatarCue c, int index)
        {
            var from = Math.Min(samples.Length - 1, (int)((c.T - start) * rate / 1000));
            var to = index + 1 < cues.Count ? (int)((cues[index + 1].T - start) * rate / 1000) : samples.Length;
            to = Math.Clamp(to, from + 1, samples.Length);
            return Math.Sqrt(samples[from..to].Sum(s => (double)s * s) / (to - from));
        }
        var open = cues.Select((c, i) => (c, i)).Where(x => x.c.Value is "AA" or "O" or "E").Select(x => Loudness(x.c, x.i)).Average();
        var closed = cues.Select((c, i) => (c, i)).Where(x => x.c.Value is "MBP" or "Rest" or "FV").Select(x => Loudness(x.c, x.i)).Average();
        Assert.True(open > closed * 1.5, $"open-mouth audio rms {open:F4} should exceed closed-mouth rms {closed:F4}");
    }

    [Fact]
    public async Task MandarinPhonemesMapToVisemesToo()
    {
        var (samples, marks, rate) = await Speak("你好，欢迎光临。", "zh");
        var cues = TimelineBuilder.FromPhonemes(marks, rate, 0, samples.Length);
        Assert.True(cues.Count(c => VisemeMapper.IsOpen(Enum.Parse<Viseme>(c.Value))) >= 3, string.Join(" ", marks.Select(m => m.Phoneme)));
    }

    [Fact]
    public void LipsPartAtTheBurstOfABilabialStopNotAtTheNextMark()
    {
        Assert.Equal(60, BilabialRelease.OpeningTime("p", 0, 100));   // aspirated: back by the voice-onset time
        Assert.Equal(25, BilabialRelease.OpeningTime("p", 0, 50));    // never more than half the stop: the closure stays visible
        Assert.Equal(90, BilabialRelease.OpeningTime("b", 0, 100));
        Assert.Equal(100, BilabialRelease.OpeningTime("m", 0, 100));  // a nasal is heard with closed lips
        Assert.Equal(100, BilabialRelease.OpeningTime("l", 0, 100));
        Assert.Equal(60, BilabialRelease.OpeningTime("p'", 0, 100));  // stress marks do not matter
    }

    [Fact]
    public async Task MouthOpensNearTheFirstSoundOfAnInitialP()
    {
        var (samples, marks, rate) = await Speak("Please come in.");
        var p = marks.FindIndex(m => VisemeMapper.Symbol(m.Phoneme) == "p");
        Assert.True(p >= 0, string.Join(" ", marks.Select(m => m.Phoneme)));
        var nextMarkMs = marks[p + 1].SampleOffset * 1000.0 / rate;
        var soundMs = Array.FindIndex(samples, s => Math.Abs(s) > 0.02f) * 1000.0 / rate;
        var cues = TimelineBuilder.FromPhonemes(marks, rate, 0, samples.Length);
        var opening = cues.First(c => c.Value is not ("Rest" or "MBP"));
        Assert.True(opening.T < nextMarkMs, $"opening {opening.T} should come before the mark after p ({nextMarkMs})");
        Assert.True(Math.Abs(opening.T - soundMs) < Math.Abs(nextMarkMs - soundMs),
            $"opening {opening.T} ms should be nearer the burst at {soundMs:F1} ms than the next mark {nextMarkMs:F1} ms");
    }

    [Fact]
    public void ShortFlickersAreDroppedButLipClosuresKept()
    {
        var marks = new[]
        {
            new PhonemeMark("a", 0), new PhonemeMark("t", 22050 * 100 / 1000), new PhonemeMark("E", 22050 * 110 / 1000),
            new PhonemeMark("m", 22050 * 300 / 1000), new PhonemeMark("a", 22050 * 320 / 1000),
        };
        var cues = TimelineBuilder.FromPhonemes(marks, 22050, 0, 22050 / 2);
        Assert.Equal(["AA", "E", "MBP", "AA", "Rest"], cues.Select(c => c.Value));
    }

    [Fact]
    public async Task EnvelopeTimelineOpensTheMouthOnlyWhereThereIsSound()
    {
        var (samples, _, rate) = await Speak("Hello there.");
        var padded = new float[rate / 2 + samples.Length];
        samples.CopyTo(padded, rate / 2); // half a second of silence first
        var cues = TimelineBuilder.FromEnvelope(padded, rate, 1000);
        Assert.Equal("Rest", cues[0].Value);
        var firstOpen = cues.First(c => c.Value != "Rest");
        Assert.InRange(firstOpen.T, 1480, 1700);
        Assert.Contains(cues, c => c.Value == "AA");
        Assert.Equal("Rest", cues[^1].Value);
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimelineBuilder.FromPhonemes([], 0, 0, 0));
        Assert.Throws<ArgumentNullException>(() => VisemeMapper.Map(null!));
        Assert.Equal(["Rest"], TimelineBuilder.FromPhonemes([], 16000, 0, 0).Select(c => c.Value));
    }

    [Fact]
    public void PlaybackClockMapsFramesThroughThePlaybackPosition()
    {
        var manual = new Appliance.TestSupport.Fakes.ManualTimeProvider();
        var clock = new Sync.AvatarClock(manual);
        var position = new Core.Audio.PlaybackPosition(48000, manual.GetTimestamp());
        var playback = new PlaybackClock(clock, () => position, 48000);
        Assert.Equal(clock.NowMs + 500, playback.TimeOfFrame(72000), 6);
        Assert.Equal(clock.NowMs - 1000, playback.TimeOfFrame(0), 6);
    }
}
