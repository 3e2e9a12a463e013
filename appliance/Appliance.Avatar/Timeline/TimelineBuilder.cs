using Appliance.Avatar.Visemes;
using Appliance.Core.Speech;

namespace Appliance.Avatar.Timeline;

/// <summary>
/// Builds viseme cues from TTS phoneme marks. Repeated shapes are merged (the mouth would not move)
/// and a shape shorter than <see cref="MinimumMs"/> is dropped in favour of its neighbour, because a
/// 20 ms flicker reads as jitter, not speech.
/// </summary>
public static class TimelineBuilder
{
    public const double MinimumMs = 35;

    /// <param name="marks">Phonemes with sample offsets from the utterance start.</param>
    /// <param name="sampleRate">Rate of those offsets.</param>
    /// <param name="startMs">Server time at which sample 0 of the utterance plays.</param>
    /// <param name="totalSamples">Length of the utterance; the mouth rests when it ends.</param>
    public static IReadOnlyList<AvatarCue> FromPhonemes(IEnumerable<PhonemeMark> marks, int sampleRate, double startMs, long totalSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var ordered = marks.OrderBy(m => m.SampleOffset).ToList();
        var raw = new List<(double T, Viseme V)>(ordered.Count + 1);
        for (var i = 0; i < ordered.Count; i++)
        {
            var t = startMs + ordered[i].SampleOffset * 1000.0 / sampleRate;
            var v = VisemeMapper.Map(ordered[i].Phoneme);
            if (i > 0 && v is not (Viseme.Rest or Viseme.MBP))
            {
                t = BilabialRelease.OpeningTime(ordered[i - 1].Phoneme, startMs + ordered[i - 1].SampleOffset * 1000.0 / sampleRate, t);
            }
            raw.Add((t, v));
        }
        raw.Add((startMs + totalSamples * 1000.0 / sampleRate, Viseme.Rest));
        var cues = new List<(double T, Viseme V)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var (t, v) = raw[i];
            var next = i + 1 < raw.Count ? raw[i + 1].T : double.MaxValue;
            if (next - t < MinimumMs && i + 1 < raw.Count && v != Viseme.MBP)
            {
                continue; // too short to see; lip closures stay because a missing "m" is noticed
            }
            if (cues.Count > 0 && cues[^1].V == v)
            {
                continue;
            }
            cues.Add((t, v));
        }
        return cues.Select(c => new AvatarCue(Math.Round(c.T, 2), "viseme", c.V.ToString())).ToList();
    }

    /// <summary>
    /// For engines without phoneme timing: the mouth follows the loudness in 40 ms windows, quantised
    /// to rest / nearly closed / mid / wide, relative to the utterance's loudest window.
    /// </summary>
    public static IReadOnlyList<AvatarCue> FromEnvelope(ReadOnlySpan<float> samples, int sampleRate, double startMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var window = Math.Max(1, sampleRate / 25);
        var count = (samples.Length + window - 1) / window;
        var rms = new double[count];
        for (var w = 0; w < count; w++)
        {
            var span = samples.Slice(w * window, Math.Min(window, samples.Length - w * window));
            double sum = 0;
            foreach (var s in span)
            {
                sum += s * s;
            }
            rms[w] = Math.Sqrt(sum / span.Length);
        }
        var peak = rms.Length == 0 ? 0 : rms.Max();
        var cues = new List<AvatarCue>();
        var last = (Viseme?)null;
        for (var w = 0; w < count; w++)
        {
            var level = peak <= 1e-4 ? 0 : rms[w] / peak;
            var v = level switch
            {
                < 0.08 => Viseme.Rest,
                < 0.3 => Viseme.DST,
                < 0.6 => Viseme.E,
                _ => Viseme.AA,
            };
            if (v != last)
            {
                cues.Add(new AvatarCue(Math.Round(startMs + w * window * 1000.0 / sampleRate, 2), "viseme", v.ToString()));
                last = v;
            }
        }
        if (last is not null and not Viseme.Rest)
        {
            cues.Add(new AvatarCue(Math.Round(startMs + samples.Length * 1000.0 / sampleRate, 2), "viseme", nameof(Viseme.Rest)));
        }
        return cues;
    }
}
