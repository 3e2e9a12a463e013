using Appliance.TestSupport;

namespace Appliance.Models.Llama.Bench.Tests;

/// <summary>The measuring machinery works end to end (numbers are printed by `bench llm`, never asserted on speed).</summary>
[Collection(SyntheticCollection.Name)]
public sealed class BenchRunnerTests(TinySyntheticFixture fixture)
{
    [Fact]
    public void ManagedRunReportsBothPhasesAndPrefixReuse()
    {
        var spec = new LlmRunSpec(fixture.Info.Variant, SharedData.Stories260K, Threads: 1, PrefillTokens: 32, DecodeTokens: 8, Repeats: 1, PersonaTest: true);
        var r = ManagedLlmRun.Run(spec);
        Assert.Null(r.Error);
        Assert.Equal(fixture.Info.Variant, r.Variant);
        Assert.True(r.PrefillTokS > 0 && r.DecodeTokS > 0);
        Assert.Equal(8, r.GeneratedTokens);
        Assert.NotNull(r.SecondTurnTtftReuseMs);
        Assert.NotNull(r.SecondTurnTtftNoReuseMs);
    }

    [Fact]
    public async Task NativeReferenceBuildsRunsAndGeneratesTheSameTokenCount()
    {
        var binary = NativeLlamaBench.Build();
        var spec = new LlmRunSpec("haswell", SharedData.Stories260K, Threads: 1, PrefillTokens: 32, DecodeTokens: 8, Repeats: 1);
        var native = await NativeLlamaBench.RunAsync(binary, spec);
        Assert.Null(native.Error);
        Assert.Equal("native-c", native.Runner);
        Assert.Equal(8, native.GeneratedTokens);
        Assert.True(native.PrefillTokS > 0 && native.DecodeTokS > 0);
    }

    [Fact]
    public void PromptTokensMatchTheCProgramsFormula()
    {
        // llama_bench.c: 259 + (i * 7919) % (min(n_vocab, 32000) - 300)
        Assert.Equal([259, 259 + 7919 % 212, 259 + 2 * 7919 % 212], LlmRunSpec.PromptTokens(3, 512));
    }

    [Fact]
    public void RowArithmeticFollowsMeasureMd()
    {
        var managed = new LlmRunResult { Variant = "haswell", Threads = 2, PrefillTokS = 100, DecodeTokS = 48.5 };
        var native = new LlmRunResult { Variant = "haswell", Threads = 2, PrefillTokS = 100, DecodeTokS = 50 };
        var row = LlmBench.MakeRow("m", "Q4_0", 400_000_000, managed, native, readGBps: 40);
        Assert.Equal(3.0, row.BindingOverheadPct!.Value, 6);       // (50 - 48.5) / 50
        Assert.Equal(48.5 * 0.4 / 40 * 100, row.RooflinePct!.Value, 6); // tok/s × GB per token / GB/s
        Assert.Equal(0, row.BindingOverheadPrefillPct!.Value, 6);
    }
}
