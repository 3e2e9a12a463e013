using System.Numerics;

namespace Appliance.Drivers.Dsp;

/// <summary>
/// Generalised cross-correlation with phase transform: whitening each cross-spectrum bin to unit
/// magnitude makes the correlation peak sharp in reverberant rooms, which is why it is the standard
/// for both time-delay and direction estimation.
/// </summary>
public static class GccPhat
{
    /// <summary>
    /// PHAT-weighted cross-spectrum conj(A)·B/|conj(A)·B| of two spectra, written into
    /// <paramref name="target"/> zero-padded by the upsampling factor (target length = N × factor) so that
    /// the inverse FFT yields the correlation at 1/factor-sample resolution.
    /// </summary>
    public static void WhitenedCrossSpectrum(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> target)
    {
        var n = a.Length;
        target.Clear();
        var half = n / 2;
        for (var k = 0; k <= half; k++)
        {
            var g = Complex.Conjugate(a[k]) * b[k];
            var mag = g.Magnitude;
            g = mag > 1e-12 ? g / mag : Complex.Zero;
            if (k == half)
            {
                // Nyquist bin: split between both ends of the padded spectrum to keep the result real.
                target[k] = g / 2;
                target[target.Length - k] = Complex.Conjugate(g) / 2;
                continue;
            }
            target[k] = g;
            if (k > 0)
            {
                target[target.Length - k] = Complex.Conjugate(g);
            }
        }
    }

    /// <summary>
    /// The lag (samples, fractional) at which <paramref name="y"/> best matches <paramref name="x"/>:
    /// positive means y is a delayed copy of x. Searches |lag| ≤ <paramref name="maxLag"/>.
    /// </summary>
    public static (double Lag, double Peak) Delay(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int maxLag, int upsample = 1)
    {
        var n = Fft.NextPowerOfTwo(Math.Max(x.Length, y.Length) + maxLag + 1);
        var fft = new Fft(n);
        var a = ToComplex(x, n);
        var b = ToComplex(y, n);
        fft.Forward(a);
        fft.Forward(b);
        var up = new Fft(n * upsample);
        var r = new Complex[n * upsample];
        WhitenedCrossSpectrum(a, b, r);
        up.Inverse(r);
        var best = 0;
        var bestValue = double.NegativeInfinity;
        var limit = maxLag * upsample;
        for (var lag = -limit; lag <= limit; lag++)
        {
            var v = r[(lag + r.Length) % r.Length].Real;
            if (v > bestValue)
            {
                bestValue = v;
                best = lag;
            }
        }
        return ((double)best / upsample, bestValue * upsample);
    }

    private static Complex[] ToComplex(ReadOnlySpan<float> x, int n)
    {
        var result = new Complex[n];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = x[i];
        }
        return result;
    }
}
