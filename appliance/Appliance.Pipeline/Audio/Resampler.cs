namespace Appliance.Pipeline.Audio;

/// <summary>
/// Linear-interpolation rate conversion for TTS output whose rate differs from the playback device
/// (espeak-ng speaks at 22.05 kHz). Good enough for speech; the device never sees the wrong rate.
/// </summary>
public static class Resampler
{
    public static float[] Convert(float[] samples, int fromRate, int toRate)
    {
        if (fromRate == toRate || samples.Length == 0)
        {
            return samples;
        }
        var length = (int)((long)samples.Length * toRate / fromRate);
        var result = new float[length];
        var step = (double)fromRate / toRate;
        for (var i = 0; i < length; i++)
        {
            var x = i * step;
            var k = (int)x;
            var frac = (float)(x - k);
            var a = samples[Math.Min(k, samples.Length - 1)];
            var b = samples[Math.Min(k + 1, samples.Length - 1)];
            result[i] = a + (b - a) * frac;
        }
        return result;
    }
}
