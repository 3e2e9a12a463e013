using Appliance.Core.Native;
using Appliance.Drivers.Cpu.Detection;
using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Drivers.Cpu.Tests;

/// <summary>The catalog against the shipped libraries and against ggml's own per-variant score function.</summary>
public class VariantTests
{
    [Fact]
    public void CatalogCoversEveryShippedVariantLibrary()
    {
        var dir = AppliancePaths.NativeDirs("llama").First(Directory.Exists);
        var shipped = Directory.GetFiles(dir, "libggml-cpu-*.so").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(shipped, GgmlVariantCatalog.All.Select(v => v.FileName).Order().ToList());
    }

    [Fact]
    public void OurScoreAndUsabilityMatchGgmlsOwnScoreFunction()
    {
        // ggml checks CPUID only; compare with our CPUID-level view (no OS/cap filtering needed on Linux
        // where the kernel enables every state it knows), AMX permission aside.
        var caps = CpuDetector.Detect(cap: "sapphirerapids");
        var cpuidOnly = caps.Features.Where(f => f.Cpuid).Select(f => f.Feature).ToHashSet();
        foreach (var variant in GgmlVariantCatalog.All)
        {
            var ggml = GgmlVariantScore.Query(variant);
            Assert.NotNull(ggml);
            var expected = variant.CanRunOn(cpuidOnly) ? variant.GgmlScore : 0;
            Assert.True(expected == ggml, $"{variant.Name}: ours {expected}, ggml {ggml}");
        }
    }

    [Fact]
    public void FormatMapFollowsTheSource()
    {
        var all = Enum.GetValues<CpuFeature>().ToHashSet();
        var spr = GgmlVariantCatalog.Get("sapphirerapids");
        Assert.StartsWith("AMX", FormatKernelMap.Kernel("Q4_0", all, spr).Kernel);
        Assert.StartsWith("AMX", FormatKernelMap.Kernel("Q8_0", all, spr).Kernel);
        Assert.StartsWith("AVX512_BF16", FormatKernelMap.Kernel("BF16", all, spr).Kernel);
        Assert.DoesNotContain("AMX", FormatKernelMap.Kernel("F16", all, spr).Kernel);
        var haswell = GgmlVariantCatalog.Get("haswell");
        Assert.DoesNotContain("AMX", FormatKernelMap.Kernel("Q4_0", all, haswell).Kernel);
        Assert.DoesNotContain("AVX512_BF16", FormatKernelMap.Kernel("BF16", all, haswell).Kernel);
    }

    [Fact]
    public void GgmlScoresFollowTheCmakeBitWeights()
    {
        Assert.Equal(1, GgmlVariantCatalog.Get("x64").GgmlScore);
        Assert.Equal(1 + 1 + 2 + 4 + 8 + 16 + 32, GgmlVariantCatalog.Get("haswell").GgmlScore);
        Assert.Equal("sapphirerapids", GgmlVariantCatalog.All.MaxBy(v => v.GgmlScore)!.Name);
    }
}
