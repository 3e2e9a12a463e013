namespace Appliance.Models.WakeWord.Evaluation;

/// <summary>
/// Puts a phrase into the three contexts the bench and tests use: digital near-silence, steady noise
/// (white noise at a fixed SNR), and the middle of real speech (between the two halves of a recording).
/// Deterministic: the same inputs give the same clips.
/// </summary>
public static class WakeClips
{
    private const int Rate = 16000;

    public static IEnumerable<WakeClip> Contexts(SyntheticPhrases.Utterance phrase, IReadOnlyList<float[]> speech, int index, double snrDb = 10)
    {
        var p = phrase.Samples;
        var random = new Random(index);
        yield return Embed(phrase.Name, "silence", Noise(random, Rate, 1e-4f), p, Noise(random, Rate * 3 / 2, 1e-4f));

        var rms = Rms(p);
        var noiseLevel = (float)(rms / Math.Pow(10, snrDb / 20) * Math.Sqrt(3)); // uniform noise: rms = a/sqrt(3)
        var before = Noise(random, Rate, noiseLevel);
        var after = Noise(random, Rate * 3 / 2, noiseLevel);
        var noisy = Embed(phrase.Name, $"noise{snrDb:0}dB", before, p, after);
        var overlay = Noise(random, p.Length, noiseLevel);
        for (var i = 0; i < p.Length; i++)
        {
            noisy.Samples[before.Length + i] += overlay[i];
        }
        yield return noisy;

        if (speech.Count > 0)
        {
            var s = speech[index % speech.Count];
            var half = s.Length / 2;
            var gap = new float[Rate * 3 / 10];
            var first = s[..half].Concat(gap).ToArray();
            var second = gap.Concat(s[half..]).ToArray();
            yield return Embed(phrase.Name, "in-speech", first, p, second);
        }
    }

    private static WakeClip Embed(string name, string context, float[] before, float[] phrase, float[] after)
    {
        var samples = new float[before.Length + phrase.Length + after.Length];
        before.CopyTo(samples, 0);
        phrase.CopyTo(samples, before.Length);
        after.CopyTo(samples, before.Length + phrase.Length);
        return new WakeClip($"{name}/{context}", context, samples, before.Length, before.Length + phrase.Length);
    }

    private static float[] Noise(Random random, int length, float amplitude)
    {
        var n = new float[length];
        for (var i = 0; i < n.Length; i++)
        {
            n[i] = (float)((random.NextDouble() * 2 - 1) * amplitude);
        }
        return n;
    }

    private static double Rms(float[] x) => Math.Sqrt(x.Select(v => (double)v * v).Average());
}
