namespace Appliance.Drivers.Dsp.Tests;

public sealed class EchoReferenceTests
{
    [Fact]
    public void The_reference_is_read_back_at_the_time_it_was_played_and_is_silent_elsewhere()
    {
        const long freq = 1_000_000_000;
        var reference = new EchoReference(16000, freq);
        var played = Enumerable.Range(1, 320).Select(i => i / 1000f).ToArray();
        var dac = 5 * freq; // played at t = 5 s
        reference.Played(played, dac);
        var block = new float[256];
        reference.Read(dac + 100 * freq / 16000, block); // 100 samples later
        Assert.Equal(played[100], block[0]);
        Assert.Equal(played[319], block[219]);
        Assert.Equal(0f, block[220]);
        reference.Read(dac - 256 * freq / 16000, block);
        Assert.All(block, v => Assert.Equal(0f, v));
        reference.ExtraDelay = 10;
        reference.Read(dac + 10 * freq / 16000, block);
        Assert.Equal(played[0], block[0]);
    }
}
