namespace Appliance.Pipeline.Replay;

/// <summary>
/// Ground-truth voicing of a clean recording: the first and last 10 ms window whose RMS is within
/// 26 dB of the loudest window (and above an absolute floor), as sample indices.
/// </summary>
public static class VoicedRegion
{
    public static (long First, long Last) Find(ReadOnlySpan<float> samples, int sampleRate)
    {
        var window = Math.Max(1, sampleRate / 100);
        var count = samples.Length / window;
        if (count == 0)
        {
            return (0, Math.Max(0, samples.Length - 1));
        }
        var rms = new double[count];
        for (var w = 0; w < count; w++)
        {
            double sum = 0;
            foreach (var s in samples.Slice(w * window, window))
            {
                sum += s * s;
            }
            rms[w] = Math.Sqrt(sum / window);
        }
        var threshold = Math.Max(0.003, rms.Max() * 0.05);
        var first = Array.FindIndex(rms, r => r >= threshold);
        var last = Array.FindLastIndex(rms, r => r >= threshold);
        return first < 0 ? (0, samples.Length - 1) : ((long)first * window, (long)(last + 1) * window - 1);
    }
}
