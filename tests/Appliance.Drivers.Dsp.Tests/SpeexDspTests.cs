namespace Appliance.Drivers.Dsp.Tests;

public sealed class SpeexDspTests
{
    [Fact]
    public void Initialize_loads_the_debian_library_and_is_idempotent()
    {
        SpeexDsp.Initialize();
        SpeexDsp.Initialize();
        Assert.NotNull(SpeexDsp.LoadedFrom);
    }

    [Fact]
    public void Resampler_keeps_a_tone_at_its_frequency_and_scales_the_length()
    {
        using var resampler = new Resampler(1, 16000, 48000);
        var input = Enumerable.Range(0, 16000).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / 16000.0))).ToArray();
        var output = resampler.Process(input);
        Assert.InRange(output.Length, 47800, 48000);
        // Count zero crossings in the settled part: 1 kHz at 48 kHz = 2 per 48 samples.
        var settled = output.AsSpan(4800, 38400);
        var crossings = 0;
        for (var i = 1; i < settled.Length; i++)
        {
            if (settled[i - 1] < 0 != settled[i] < 0)
            {
                crossings++;
            }
        }
        Assert.InRange(crossings, 1598, 1602);
    }

    [Fact]
    public void Bad_parameters_are_refused_with_a_message_not_a_crash()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(0, 16000, 48000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(1, 16000, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EchoCanceller(256, 100, 16000));
        using var aec = new EchoCanceller(256, 2048, 16000);
        var ex = Assert.Throws<ArgumentException>(() => aec.Process(new float[100], new float[256], new float[256]));
        Assert.Contains("256", ex.Message);
    }
}
