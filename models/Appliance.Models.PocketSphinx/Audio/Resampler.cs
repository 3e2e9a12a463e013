namespace Appliance.Models.PocketSphinx.Audio;

/// <summary>
/// Windowed-sinc (Blackman, 32 taps per side) sample-rate conversion for offline use: espeak's 22050 Hz
/// output to the recogniser's 16 kHz in tests and benchmarks. The cut-off sits at the lower Nyquist so
/// downsampling does not alias.
/// </summary>
public static class Resampler
{
    private const int HalfTaps = 32;

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
        {
            return input.ToArray();
        }
        var ratio = (double)fromRate / toRate;
        var cutoff = Math.Min(1.0, 1.0 / ratio) * 0.97;
        var output = new float[(int)((long)input.Length * toRate / fromRate)];
        for (var n = 0; n < output.Length; n++)
        {
            var t = n * ratio;
            var center = (int)Math.Floor(t);
            double sum = 0;
            for (var k = center - HalfTaps + 1; k <= center + HalfTaps; k++)
            {
                if (k < 0 || k >= input.Length)
                {
                    continue;
                }
                var x = t - k;
                var w = 0.42 + 0.5 * Math.Cos(Math.PI * x / HalfTaps) + 0.08 * Math.Cos(2 * Math.PI * x / HalfTaps);
                var arg = Math.PI * cutoff * x;
                var sinc = Math.Abs(arg) < 1e-9 ? 1.0 : Math.Sin(arg) / arg;
                sum += input[k] * cutoff * sinc * w;
            }
            output[n] = (float)sum;
        }
        return output;
    }
}
