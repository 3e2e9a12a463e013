using Appliance.Avatar.Hub;
using Appliance.Avatar.Measurement;

namespace Appliance.Avatar.Tests;

public class LipsyncAnalysisTests
{
    [Fact]
    public void PhraseOffsetIsFirstDrawnOpeningMinusAudioOnset()
    {
        var spoken = new List<(int, string, double, double)> { (0, "a", 1000, 2000), (1, "b", 3000, 4000), (2, "c", 5000, 6000) };
        var applied = new List<AppliedCue>
        {
            new("viseme", "MBP", 1000, 1003),  // a closure: not an opening
            new("viseme", "AA", 1100, 1112),   // phrase 0 opens 112 ms after its audio onset; drawn 12 ms late
            new("viseme", "Rest", 1900, 1901),
            new("viseme", "E", 3000, 2995),    // phrase 1: drawn 5 ms early
            new("viseme", "O", 5020, 5030),    // phrase 2
            new("viseme", "O", 9000, 9000),    // outside every phrase
            new("expression", "happy", 3000, 3000),
        };
        var r = LipsyncBench.Analyse(spoken, applied, 7000, 2e-6, 32);
        Assert.Equal([112.0, -5.0, 30.0], r.PhraseDetails.Select(p => p.OffsetMs));
        Assert.Equal(45.67, r.MeanOffsetMs);
        Assert.Equal(30, r.MedianOffsetMs);
        Assert.Equal(112, r.MaxAbsOffsetMs);
        Assert.Equal(3, r.VisemeOnsets);
        Assert.Equal(Math.Round((12 - 5 + 10) / 3.0, 2), r.VisemeMeanOffsetMs);
        Assert.Equal(2, r.PageSyncDriftPpm);
        Assert.Equal(112, r.P95AbsOffsetMs);
        Assert.Equal(2, r.Within40);
    }

    [Fact]
    public void PercentileIsNearestRank()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).ToList();
        Assert.Equal(19, LipsyncBench.Percentile(values, 0.95));
        Assert.Equal(10, LipsyncBench.Percentile(values, 0.5));
        Assert.Equal(20, LipsyncBench.Percentile(values, 1));
        Assert.True(double.IsNaN(LipsyncBench.Percentile([], 0.95)));
    }

    [Fact]
    public void DriftIsRobustToOneStalledFrame()
    {
        // 1 ms more late per 10 s (6 ms/min) plus one 160 ms stall.
        var points = Enumerable.Range(0, 12).Select(i => (X: i * 10_000.0, Y: i * 1.0 + (i == 4 ? 160 : 0))).ToList();
        Assert.Equal(6, LipsyncBench.Slope(points) * 60_000, 6);
    }

    [Fact]
    public void NoDrawnVisemesIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LipsyncBench.Analyse([(0, "a", 0, 100)], [], 100, 0, 0));
        Assert.Contains("report=1", e.Message, StringComparison.Ordinal);
    }
}
