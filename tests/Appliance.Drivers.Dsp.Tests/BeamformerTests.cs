using Appliance.Drivers.Dsp.Synthesis;

namespace Appliance.Drivers.Dsp.Tests;

public sealed class BeamformerTests
{
    [Fact]
    public void Steered_at_the_talker_it_keeps_the_speech_and_averages_the_noise_down()
    {
        var geometry = ArrayGeometry.Circular(6, 0.0463);
        var speech = Speech.Seconds(2, skipFiles: 8);
        var clean = TestSignals.PlaneWave(speech, geometry, 120, 16000, snrDb: 200, seed: 1);
        var noisy = TestSignals.PlaneWave(speech, geometry, 120, 16000, snrDb: 0, seed: 1);
        var bf = new DelayAndSumBeamformer(geometry, 16000, 256);
        bf.Steer(120);
        var outClean = Run(bf, clean, 6);
        bf = new DelayAndSumBeamformer(geometry, 16000, 256);
        bf.Steer(120);
        var outNoisy = Run(bf, noisy, 6);
        var latency = (int)Math.Round(bf.LatencySamples);
        // Unity gain on the look direction: the output is the (delayed) source.
        double err = 0, sig = 0, noise = 0;
        for (var t = 1000; t < outClean.Length - 1000; t++)
        {
            var s = speech[t - latency];
            err += Math.Pow(outClean[t] - s, 2);
            sig += s * s;
            noise += Math.Pow(outNoisy[t] - outClean[t], 2);
        }
        Assert.True(10 * Math.Log10(sig / err) > 20, "look-direction distortion too high");
        // Input SNR 0 dB per mic; 6 mics of independent noise average to about +7.8 dB.
        var snrGain = 10 * Math.Log10(sig / noise);
        Assert.InRange(snrGain, 6.5, 9);
    }

    private static float[] Run(DelayAndSumBeamformer bf, float[] interleaved, int channels)
    {
        var frames = interleaved.Length / channels / 256 * 256;
        var output = new float[frames];
        for (var s = 0; s < frames; s += 256)
        {
            bf.Process(interleaved.AsSpan(s * channels, 256 * channels), channels, output.AsSpan(s, 256));
        }
        return output;
    }
}
