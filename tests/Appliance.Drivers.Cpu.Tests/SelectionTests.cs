using Appliance.Drivers.Cpu.Selection;

namespace Appliance.Drivers.Cpu.Tests;

public class SelectionTests
{
    private static readonly ProbeMeasurement[] Sample =
    [
        new("haswell", 1, 100, 40, 128, 32),
        new("haswell", 2, 180, 38, 128, 32),
        new("icelake", 1, 120, 30, 128, 32),
        new("icelake", 2, 220, 32, 128, 32),
        new("zen4", 2, 0, 0, 128, 32, "crashed"),
    ];

    [Fact]
    public void PolicyPicksPerPhaseThreadsAndMinimalTurnTime()
    {
        var s = SelectionPolicy.Choose(Sample, "cpu", "model", turnPromptTokens: 256, turnReplyTokens: 48);
        // haswell: 256/180 + 48/40 = 2.62 s; icelake: 256/220 + 48/32 = 2.66 s
        Assert.Equal("haswell", s.Variant);
        Assert.Equal(2, s.PrefillThreads);
        Assert.Equal(1, s.DecodeThreads);
        var longPrompt = SelectionPolicy.Choose(Sample, "cpu", "model", turnPromptTokens: 2048, turnReplyTokens: 16);
        Assert.Equal("icelake", longPrompt.Variant);
    }

    [Fact]
    public void NoWorkingMeasurementIsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SelectionPolicy.Choose([Sample[^1]], "c", "m"));
        Assert.Contains("crashed", e.Message);
    }

    [Fact]
    public void StoreRoundTripsAndReplacesPerFingerprint()
    {
        var dir = Directory.CreateTempSubdirectory("sel").FullName;
        try
        {
            var store = new SelectionStore(dir);
            Assert.Null(store.Find("cpu", "model"));
            store.Save(SelectionPolicy.Choose(Sample, "cpu", "model"));
            store.Save(SelectionPolicy.Choose(Sample, "cpu", "model"));
            store.Save(SelectionPolicy.Choose(Sample, "cpu2", "model"));
            Assert.Equal(2, store.All().Count);
            var found = store.Find("cpu", "model");
            Assert.NotNull(found);
            Assert.Equal(5, found!.Measurements.Count);
            File.WriteAllText(store.Path, "{not json");
            Assert.Throws<InvalidDataException>(() => store.All());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

public class OverrideTests
{
    [Fact]
    public void OverrideReplacesOnlyWhatItNames()
    {
        var measured = SelectionPolicy.Choose([new ProbeMeasurement("haswell", 2, 100, 40, 64, 16)], "c", "m");
        var o = CpuPathOverride.Parse("avx2", "1,2");
        var eff = o.ApplyTo(measured, "c", "m", 2)!;
        Assert.Equal("haswell", eff.Variant);
        Assert.Equal(1, eff.PrefillThreads);
        Assert.Equal(2, eff.DecodeThreads);
        Assert.StartsWith("config override", eff.Source);
        Assert.Same(measured, CpuPathOverride.Parse(null, null).ApplyTo(measured, "c", "m", 2));
        Assert.Throws<ArgumentException>(() => CpuPathOverride.Parse(null, "two"));
        Assert.Throws<ArgumentException>(() => CpuPathOverride.Parse("486", null));
    }
}
