using Appliance.Pipeline.Asr;

namespace Appliance.Pipeline.Tests;

/// <summary>The pre-roll ring: samples come back by stream index across wrap-around and oversized blocks.</summary>
public class AudioHistoryTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Samples_come_back_by_stream_index_whatever_the_block_size(int block)
    {
        var history = new AudioHistory(256);
        var stream = Enumerable.Range(0, 3000).Select(i => (float)i).ToArray();
        for (var at = 0; at < stream.Length; at += block)
        {
            history.Append(stream.AsSpan(at, Math.Min(block, stream.Length - at)));
        }

        Assert.Equal(3000, history.End);
        Assert.Equal(3000 - 256, history.Start);
        var tail = new float[200];
        history.CopyTo(2790, tail);
        Assert.Equal(stream[2790..2990], tail);
        var all = new float[256];
        history.CopyTo(history.Start, all);
        Assert.Equal(stream[^256..], all);
    }

    [Fact]
    public void Asking_for_samples_no_longer_held_is_a_clear_error()
    {
        var history = new AudioHistory(100);
        history.Append(new float[250]);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => history.CopyTo(100, new float[10]));
        Assert.Contains("[150, 250)", e.Message);
    }
}
