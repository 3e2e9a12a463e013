namespace Appliance.Drivers.Dsp;

/// <summary>
/// Delay-and-sum beamformer: each mic is delayed by a windowed-sinc fractional-delay FIR so that a
/// plane wave from the steering angle lines up on all mics, then the mics are averaged. Speech from
/// that direction passes at unity gain; diffuse noise and other talkers add incoherently (up to
/// 10·log10(M) dB better SNR). Streaming: keeps each channel's history between blocks.
/// </summary>
public sealed class DelayAndSumBeamformer
{
    private const int HalfTaps = 16;
    private readonly ArrayGeometry geometry;
    private readonly int sampleRate;
    private readonly int taps;
    private readonly double maxAdvance;
    private readonly float[][] filters;
    private readonly float[][] history;
    private readonly float[] work;

    public DelayAndSumBeamformer(ArrayGeometry geometry, int sampleRate, int blockSize)
    {
        this.geometry = geometry;
        this.sampleRate = sampleRate;
        // Whole samples, so the beam's latency is an integer number of samples (the AEC reference stays aligned).
        maxAdvance = Math.Ceiling(geometry.Aperture / ArrayGeometry.SpeedOfSound * sampleRate);
        taps = 2 * HalfTaps + 2 * (int)Math.Ceiling(maxAdvance) + 2;
        filters = Enumerable.Range(0, geometry.Microphones).Select(_ => new float[taps]).ToArray();
        history = Enumerable.Range(0, geometry.Microphones).Select(_ => new float[taps - 1 + blockSize]).ToArray();
        work = new float[blockSize];
        BlockSize = blockSize;
        Steer(geometry.Shape == ArrayShape.Linear ? 90 : 0);
    }

    public int BlockSize { get; }

    public double SteeringDegrees { get; private set; }

    /// <summary>Fixed latency the beamformer adds (samples): the common delay every mic gets.</summary>
    public double LatencySamples => HalfTaps + maxAdvance;

    public void Steer(double angleDegrees)
    {
        SteeringDegrees = angleDegrees;
        for (var m = 0; m < geometry.Microphones; m++)
        {
            // A mic that hears the wave a_m samples early is delayed a_m samples more than the centre.
            var centre = HalfTaps + maxAdvance + geometry.AdvanceSamples(m, angleDegrees, sampleRate);
            var h = filters[m];
            for (var k = 0; k < taps; k++)
            {
                var x = k - centre;
                var w = Math.Abs(x) >= HalfTaps ? 0 : 0.42 + 0.5 * Math.Cos(Math.PI * x / HalfTaps) + 0.08 * Math.Cos(2 * Math.PI * x / HalfTaps);
                h[k] = (float)(Sinc(x) * w / geometry.Microphones);
            }
        }
    }

    /// <summary>Beamforms one block of <see cref="BlockSize"/> interleaved frames into mono <paramref name="output"/>.</summary>
    public void Process(ReadOnlySpan<float> interleaved, int channels, Span<float> output)
    {
        if (interleaved.Length != BlockSize * channels || output.Length != BlockSize)
        {
            throw new ArgumentException($"beamformer blocks must be {BlockSize} frames of {channels} channels");
        }
        output.Clear();
        for (var m = 0; m < geometry.Microphones; m++)
        {
            var buffer = history[m];
            var ch = geometry.MicChannels[m];
            var offset = taps - 1;
            for (var t = 0; t < BlockSize; t++)
            {
                buffer[offset + t] = interleaved[t * channels + ch];
            }
            var h = filters[m];
            for (var t = 0; t < BlockSize; t++)
            {
                var acc = 0f;
                var newest = offset + t;
                for (var k = 0; k < taps; k++)
                {
                    acc += h[k] * buffer[newest - k];
                }
                work[t] = acc;
            }
            for (var t = 0; t < BlockSize; t++)
            {
                output[t] += work[t];
            }
            buffer.AsSpan(BlockSize, taps - 1).CopyTo(buffer);
        }
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-9 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
