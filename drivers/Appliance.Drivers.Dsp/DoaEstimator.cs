using System.Numerics;

namespace Appliance.Drivers.Dsp;

/// <summary>A direction of arrival: degrees (see <see cref="ArrayShape"/> for the convention) and how peaked the steered response was (0..1).</summary>
public readonly record struct DoaEstimate(double AngleDegrees, double Confidence);

/// <summary>
/// SRP-PHAT direction of arrival. Per mic pair, the PHAT-whitened cross-spectrum (smoothed over
/// successive windows, speech band only) is turned into a correlation at the few lags the array can
/// physically produce (|lag| ≤ aperture/c, at ¼-sample steps) by a direct cosine sum — far cheaper
/// than an upsampled inverse FFT when the lags span ±5 samples. Each candidate angle sums the pairs'
/// correlations at the lags it predicts; the best angle wins. Allocation-free after construction.
/// </summary>
public sealed class DoaEstimator
{
    private const int Upsample = 4;
    private const double LowHz = 200;
    private const double HighHz = 5000;
    private readonly ArrayGeometry geometry;
    private readonly Fft fft;
    private readonly Complex[][] spectra;
    private readonly Complex[][] smoothed;
    private readonly double[][] correlations;
    private readonly (int I, int J)[] pairs;
    private readonly double[][] lagTable;
    private readonly float[] window;
    private readonly double[] angles;
    private readonly int firstBin;
    private readonly int lastBin;
    private readonly int maxLagSteps;
    private readonly float[] cosTable;
    private readonly float[] sinTable;
    private readonly float[] re;
    private readonly float[] im;
    private bool primed;

    public DoaEstimator(ArrayGeometry geometry, int sampleRate, int windowSize = 1024, double stepDegrees = 1, double smoothing = 0.5)
    {
        this.geometry = geometry;
        WindowSize = windowSize;
        Smoothing = smoothing;
        var n = Fft.NextPowerOfTwo(windowSize);
        fft = new Fft(n);
        spectra = Enumerable.Range(0, geometry.Microphones).Select(_ => new Complex[n]).ToArray();
        pairs = [.. from i in Enumerable.Range(0, geometry.Microphones) from j in Enumerable.Range(i + 1, geometry.Microphones - i - 1) select (i, j)];
        smoothed = pairs.Select(_ => new Complex[n / 2 + 1]).ToArray();
        firstBin = (int)Math.Ceiling(LowHz * n / sampleRate);
        lastBin = Math.Min(n / 2 - 1, (int)(HighHz * n / sampleRate));
        maxLagSteps = (int)Math.Ceiling(geometry.Aperture / ArrayGeometry.SpeedOfSound * sampleRate * Upsample) + 2;
        var lags = 2 * maxLagSteps + 1;
        var bins = lastBin - firstBin + 1;
        cosTable = new float[lags * bins];
        sinTable = new float[lags * bins];
        for (var l = 0; l < lags; l++)
        {
            var tau = (double)(l - maxLagSteps) / Upsample;
            for (var b = 0; b < bins; b++)
            {
                var omega = 2 * Math.PI * (firstBin + b) / n;
                cosTable[l * bins + b] = (float)Math.Cos(omega * tau);
                sinTable[l * bins + b] = (float)Math.Sin(omega * tau);
            }
        }
        re = new float[bins];
        im = new float[bins];
        correlations = pairs.Select(_ => new double[lags]).ToArray();
        window = new float[windowSize];
        for (var i = 0; i < windowSize; i++)
        {
            window[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (windowSize - 1)));
        }
        var count = (int)Math.Round(geometry.MaxAngle / stepDegrees) + (geometry.Shape == ArrayShape.Linear ? 1 : 0);
        angles = Enumerable.Range(0, count).Select(k => k * stepDegrees).ToArray();
        // Expected GCC peak lag for pair (i, j) at each angle: x_m(t) = s(t + a_m) peaks at a_i - a_j.
        lagTable = angles.Select(angle => pairs.Select(p =>
            geometry.AdvanceSamples(p.I, angle, sampleRate) - geometry.AdvanceSamples(p.J, angle, sampleRate)).ToArray()).ToArray();
    }

    public int WindowSize { get; }

    /// <summary>Weight of the previous cross-spectra (0 = every window on its own).</summary>
    public double Smoothing { get; }

    /// <summary>Forgets the smoothed cross-spectra (e.g. after a long silence).</summary>
    public void Reset() => primed = false;

    /// <summary>Estimates the DOA from <see cref="WindowSize"/> interleaved frames of the capture.</summary>
    public DoaEstimate Estimate(ReadOnlySpan<float> interleaved, int channels)
    {
        if (interleaved.Length < WindowSize * channels)
        {
            throw new ArgumentException($"DOA needs {WindowSize} frames of {channels} channels");
        }
        for (var m = 0; m < geometry.Microphones; m++)
        {
            var ch = geometry.MicChannels[m];
            var s = spectra[m];
            Array.Clear(s);
            for (var t = 0; t < WindowSize; t++)
            {
                s[t] = interleaved[t * channels + ch] * window[t];
            }
            fft.Forward(s);
        }
        var alpha = primed ? Smoothing : 0;
        primed = true;
        var bins = lastBin - firstBin + 1;
        for (var p = 0; p < pairs.Length; p++)
        {
            var a = spectra[pairs[p].I];
            var b = spectra[pairs[p].J];
            var g = smoothed[p];
            for (var k = firstBin; k <= lastBin; k++)
            {
                var cross = Complex.Conjugate(a[k]) * b[k];
                var mag = cross.Magnitude;
                // PHAT per window, then smoothing: every window votes with equal weight.
                g[k] = alpha * g[k] + (1 - alpha) * (mag > 1e-12 ? cross / mag : Complex.Zero);
                re[k - firstBin] = (float)g[k].Real;
                im[k - firstBin] = (float)g[k].Imaginary;
            }
            var r = correlations[p];
            for (var l = 0; l < r.Length; l++)
            {
                // r(tau) = sum_k Re(G_k e^{j w_k tau}) over the speech band.
                var c = cosTable.AsSpan(l * bins, bins);
                var s = sinTable.AsSpan(l * bins, bins);
                r[l] = Dot(re, c) - Dot(im, s);
            }
        }
        var bestIndex = 0;
        var best = double.NegativeInfinity;
        var total = 0.0;
        for (var a = 0; a < angles.Length; a++)
        {
            var sum = 0.0;
            var lags = lagTable[a];
            for (var p = 0; p < pairs.Length; p++)
            {
                sum += Interpolate(correlations[p], lags[p] * Upsample + maxLagSteps);
            }
            total += sum;
            if (sum > best)
            {
                best = sum;
                bestIndex = a;
            }
        }
        var mean = total / angles.Length;
        var confidence = best <= 0 ? 0 : Math.Clamp((best - mean) / best, 0, 1);
        return new DoaEstimate(angles[bestIndex], confidence);
    }

    private static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i + width <= x.Length; i += width)
        {
            acc += new Vector<float>(x[i..]) * new Vector<float>(y[i..]);
        }
        var sum = Vector.Sum(acc);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double Interpolate(double[] r, double position)
    {
        var i0 = Math.Clamp((int)Math.Floor(position), 0, r.Length - 2);
        var frac = Math.Clamp(position - i0, 0, 1);
        return r[i0] * (1 - frac) + r[i0 + 1] * frac;
    }

    /// <summary>Smallest absolute difference between two angles on the circle (degrees).</summary>
    public static double AngularError(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
