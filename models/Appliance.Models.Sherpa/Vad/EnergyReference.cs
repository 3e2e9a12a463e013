namespace Appliance.Models.Sherpa.Vad;

/// <summary>
/// An independent speech/non-speech reference for the recordings: 10 ms frame energy against the
/// file's own noise floor. Crude, but it shares nothing with silero, so agreement means something.
/// Used as ground truth for speech timing by the tests and by `bench vad`.
/// </summary>
public static class EnergyReference
{
    public const int Frame = 160; // 10 ms at 16 kHz

    /// <summary>Per-frame level in dBFS.</summary>
    public static double[] FrameDb(float[] samples)
    {
        var frames = new double[samples.Length / Frame];
        for (var f = 0; f < frames.Length; f++)
        {
            double sum = 0;
            for (var i = f * Frame; i < (f + 1) * Frame; i++)
            {
                sum += samples[i] * (double)samples[i];
            }
            frames[f] = 10 * Math.Log10(sum / Frame + 1e-12);
        }
        return frames;
    }

    /// <summary>
    /// Voiced frames: louder than the floor (10th percentile) by <paramref name="aboveFloorDb"/> and
    /// within <paramref name="belowPeakDb"/> of the loudest frame.
    /// </summary>
    public static bool[] Voiced(float[] samples, double aboveFloorDb = 15, double belowPeakDb = 40)
    {
        var db = FrameDb(samples);
        var sorted = db.Order().ToArray();
        var floor = sorted[sorted.Length / 10];
        var peak = sorted[^1];
        var threshold = Math.Max(floor + aboveFloorDb, peak - belowPeakDb);
        return db.Select(d => d > threshold).ToArray();
    }

    /// <summary>First and last voiced sample (frame resolution), or null when nothing is voiced.</summary>
    public static (long Onset, long Offset)? SpeechSpan(float[] samples)
    {
        var voiced = Voiced(samples);
        var first = Array.IndexOf(voiced, true);
        var last = Array.LastIndexOf(voiced, true);
        return first < 0 ? null : ((long)first * Frame, (long)(last + 1) * Frame);
    }

    /// <summary>Voiced runs merged across gaps shorter than <paramref name="minGapSeconds"/>.</summary>
    public static List<(long Start, long End)> Runs(float[] samples, double minGapSeconds)
    {
        var voiced = Voiced(samples);
        var runs = new List<(long Start, long End)>();
        var maxGap = (int)(minGapSeconds * 16000 / Frame);
        for (var f = 0; f < voiced.Length; f++)
        {
            if (!voiced[f])
            {
                continue;
            }
            var end = f;
            while (end + 1 < voiced.Length && voiced[end + 1])
            {
                end++;
            }
            if (runs.Count > 0 && f - runs[^1].End / Frame <= maxGap)
            {
                runs[^1] = (runs[^1].Start, (long)(end + 1) * Frame);
            }
            else
            {
                runs.Add(((long)f * Frame, (long)(end + 1) * Frame));
            }
            f = end;
        }
        return runs;
    }
}
