using System.Numerics;

namespace Appliance.Drivers.Dsp.Synthesis;

/// <summary>
/// Synthetic acoustics with known ground truth, for tests, the bench and the loopback self-test:
/// plane waves on a mic array with exact (fractional) inter-mic delays, and an echo path (room
/// impulse response + bulk delay + noise).
/// </summary>
public static class TestSignals
{
    /// <summary>
    /// <paramref name="source"/> arriving as a plane wave from <paramref name="angleDegrees"/> on every mic
    /// of <paramref name="geometry"/> (delays applied in the frequency domain, so they are exact), plus
    /// independent white noise per mic at <paramref name="snrDb"/> below the source's mean power.
    /// Returns interleaved frames with one channel per mic.
    /// </summary>
    public static float[] PlaneWave(ReadOnlySpan<float> source, ArrayGeometry geometry, double angleDegrees, int sampleRate, double snrDb, int seed)
    {
        var m = geometry.Microphones;
        var n = Fft.NextPowerOfTwo(source.Length + 64);
        var fft = new Fft(n);
        var spectrum = new Complex[n];
        for (var i = 0; i < source.Length; i++)
        {
            spectrum[i] = source[i];
        }
        fft.Forward(spectrum);
        var power = 0.0;
        foreach (var v in source)
        {
            power += v * v;
        }
        power /= Math.Max(1, source.Length);
        var noiseStd = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        var output = new float[source.Length * m];
        var work = new Complex[n];
        for (var mic = 0; mic < m; mic++)
        {
            var advance = geometry.AdvanceSamples(mic, angleDegrees, sampleRate);
            for (var k = 0; k < n; k++)
            {
                var bin = k <= n / 2 ? k : k - n;
                var omega = 2 * Math.PI * bin / n;
                // x_m(t) = s(t + a_m): an advance is a positive phase ramp. Nyquist kept real.
                work[k] = k == n / 2 ? spectrum[k] * Math.Cos(omega * advance) : spectrum[k] * Complex.FromPolarCoordinates(1, omega * advance);
            }
            fft.Inverse(work);
            for (var t = 0; t < source.Length; t++)
            {
                output[t * m + mic] = (float)(work[t].Real + noiseStd * Gaussian(random));
            }
        }
        return output;
    }

    /// <summary>
    /// A synthetic room impulse response: direct path, a few early reflections and an exponentially
    /// decaying diffuse tail reaching -60 dB at <paramref name="rt60Seconds"/>.
    /// </summary>
    public static float[] RoomImpulseResponse(int sampleRate, int length, double rt60Seconds, int seed)
    {
        var random = new Random(seed);
        var h = new float[length];
        h[0] = 1f;
        for (var r = 0; r < 6; r++)
        {
            var at = random.Next(20, Math.Min(length, sampleRate / 50));
            h[at] += (float)((random.NextDouble() - 0.5) * 0.8);
        }
        var decay = 6.9 / (rt60Seconds * sampleRate);
        for (var t = sampleRate / 200; t < length; t++)
        {
            h[t] += (float)(0.25 * Math.Exp(-decay * t) * Gaussian(random));
        }
        return h;
    }

    /// <summary>
    /// What the mic hears of <paramref name="far"/> played into a room: convolution with
    /// <paramref name="rir"/> scaled by <paramref name="gain"/>, delayed by <paramref name="delaySamples"/>,
    /// plus white noise <paramref name="noiseBelowEchoDb"/> below the echo's mean power.
    /// </summary>
    public static float[] Echo(ReadOnlySpan<float> far, ReadOnlySpan<float> rir, double gain, int delaySamples, double noiseBelowEchoDb, int seed)
    {
        var echo = new float[far.Length];
        for (var t = delaySamples; t < far.Length; t++)
        {
            var acc = 0.0;
            var src = t - delaySamples;
            var taps = Math.Min(rir.Length, src + 1);
            for (var k = 0; k < taps; k++)
            {
                acc += rir[k] * far[src - k];
            }
            echo[t] = (float)(acc * gain);
        }
        var power = 0.0;
        foreach (var v in echo)
        {
            power += v * v;
        }
        power /= Math.Max(1, echo.Length);
        var std = Math.Sqrt(power / Math.Pow(10, noiseBelowEchoDb / 10));
        var random = new Random(seed);
        for (var t = 0; t < echo.Length; t++)
        {
            echo[t] += (float)(std * Gaussian(random));
        }
        return echo;
    }

    /// <summary>A linear chirp (the loopback test's probe): easy to find by correlation, covers the speech band.</summary>
    public static float[] Chirp(int sampleRate, double seconds, double f0, double f1, double amplitude)
    {
        var n = (int)(sampleRate * seconds);
        var x = new float[n];
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / sampleRate;
            var phase = 2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * seconds));
            var fade = Math.Min(1, Math.Min(i, n - 1 - i) / (0.01 * sampleRate));
            x[i] = (float)(amplitude * fade * Math.Sin(phase));
        }
        return x;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
