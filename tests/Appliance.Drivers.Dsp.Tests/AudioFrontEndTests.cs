using Appliance.Drivers.Dsp.Synthesis;
using Xunit.Abstractions;

namespace Appliance.Drivers.Dsp.Tests;

public sealed class AudioFrontEndTests(ITestOutputHelper output)
{
    /// <summary>
    /// A 6-mic circular array: a visitor talks from 135° while the kiosk is silent (the DOA must find
    /// them and the beam must follow), then the kiosk talks and its echo (a plane wave from the
    /// speaker at 270° through a room response) must be cancelled on the beam output.
    /// </summary>
    [Fact]
    public void The_chain_finds_the_talker_and_cancels_the_kiosk_voice_on_the_beam()
    {
        var geometry = ArrayGeometry.Circular(6, 0.0463);
        var talker = Speech.Seconds(2, skipFiles: 10);
        var far = Speech.Seconds(10, skipFiles: 20);
        var rir = TestSignals.RoomImpulseResponse(16000, 1200, 0.12, 9);
        var echoMono = TestSignals.Echo(far, rir, 0.5, 0, 60, 3);
        var talkerMics = TestSignals.PlaneWave(talker, geometry, 135, 16000, 30, 1);
        var echoMics = TestSignals.PlaneWave(echoMono, geometry, 270, 16000, 45, 2);
        var mics = talkerMics.Concat(echoMics).ToArray();
        var reference = new float[talker.Length].Concat(far).ToArray();

        using var frontEnd = new AudioFrontEnd(new FrontEndOptions(6, geometry, Preprocess: new PreprocessorOptions(Denoise: false)));
        var n = frontEnd.FrameSize;
        var outBlock = new float[n];
        DoaEstimate? doaAfterTalker = null;
        double micPower = 0, aecPower = 0;
        for (var start = 0; start + n <= reference.Length; start += n)
        {
            var block = frontEnd.Process(mics.AsSpan(start * 6, n * 6), reference.AsSpan(start, n), outBlock);
            if (start + n > talker.Length && doaAfterTalker is null)
            {
                doaAfterTalker = block.Doa;
            }
            if (start > talker.Length + 16000 * 5)
            {
                micPower += Power(mics.AsSpan(start * 6, n * 6));
                aecPower += Power(frontEnd.LastAecOutput);
            }
        }
        var erle = 10 * Math.Log10(micPower / aecPower);
        output.WriteLine($"DOA {doaAfterTalker}, beam-output ERLE {erle:F1} dB");
        Assert.NotNull(doaAfterTalker);
        Assert.True(DoaEstimator.AngularError(doaAfterTalker!.Value.AngleDegrees, 135) <= 10, $"DOA {doaAfterTalker}");
        Assert.True(erle >= 20, $"linear AEC on the beam: {erle:F1} dB");
        // The beam kept pointing at the visitor while the kiosk talked (DOA frozen during far-end activity).
        Assert.True(DoaEstimator.AngularError(frontEnd.LastDoa!.Value.AngleDegrees, 135) <= 10);
    }

    private static double Power(ReadOnlySpan<float> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }
        return sum / x.Length;
    }
}
