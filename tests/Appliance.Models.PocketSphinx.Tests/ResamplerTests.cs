using Appliance.Models.PocketSphinx.Audio;

namespace Appliance.Models.PocketSphinx.Tests;

public class ResamplerTests
{
    [Fact]
    public void KeepsAToneInBandAndItsLength()
    {
        var input = Enumerable.Range(0, 22050).Select(i => (float)Math.Sin(2 * Math.PI * 440 * i / 22050)).ToArray();
        var output = Resampler.Resample(input, 22050, 16000);
        Assert.Equal(16000, output.Length);
        // Zero crossings of a 440 Hz tone over one second: ~880.
        var crossings = output.Zip(output.Skip(1)).Count(p => p.First < 0 != p.Second < 0);
        Assert.InRange(crossings, 870, 890);
        var rms = Math.Sqrt(output.Skip(1000).Take(14000).Average(s => (double)s * s));
        Assert.InRange(rms, 0.68, 0.73);
    }

    [Fact]
    public void RemovesWhatCannotBeRepresented()
    {
        // 10 kHz is above the 8 kHz Nyquist of 16 kHz output: it must not alias into the band.
        var input = Enumerable.Range(0, 22050).Select(i => (float)Math.Sin(2 * Math.PI * 10000 * i / 22050)).ToArray();
        var output = Resampler.Resample(input, 22050, 16000);
        var rms = Math.Sqrt(output.Skip(1000).Take(14000).Average(s => (double)s * s));
        Assert.True(rms < 0.05, $"aliased energy {rms}");
    }
}
