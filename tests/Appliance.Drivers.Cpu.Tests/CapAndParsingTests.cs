using Appliance.Drivers.Cpu.Detection;
using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Drivers.Cpu.Tests;

public class CapAndParsingTests
{
    [Fact]
    public void CapToSse42HidesAvxAndLeavesOnlyOldVariants()
    {
        var caps = CpuDetector.Detect(cap: "sse42");
        Assert.False(caps.Has(CpuFeature.Avx));
        Assert.False(caps.Has(CpuFeature.Avx2));
        Assert.Equal(["sse42", "x64"], caps.UsableVariants.Select(v => v.Name));
        Assert.Equal("sse42", caps.Cap.Value);
    }

    [Fact]
    public void CapByAliasAvx2StopsAtHaswell()
    {
        var caps = CpuDetector.Detect(cap: "avx2");
        Assert.False(caps.Has(CpuFeature.Avx512F));
        Assert.Equal("haswell", caps.UsableVariants[0].Name);
    }

    [Fact]
    public void UnknownCapIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => CpuDetector.Detect(cap: "pentium"));
        Assert.Contains("haswell", e.Message);
    }

    [Fact]
    public void CapFromEnvironmentIsHonoured()
    {
        // Detect(cap: null) reads APPLIANCE_CPU_MAX; set it for this process only and restore it.
        var before = Environment.GetEnvironmentVariable(CpuDetector.CapVariable);
        try
        {
            Environment.SetEnvironmentVariable(CpuDetector.CapVariable, "sandybridge");
            var caps = CpuDetector.Detect();
            Assert.Equal("sandybridge", caps.UsableVariants[0].Name);
            Assert.Equal("$" + CpuDetector.CapVariable, caps.Cap.Source);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CpuDetector.CapVariable, before);
        }
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("0-3", 4)]
    [InlineData("0-1,4-5,8", 5)]
    [InlineData("", 0)]
    public void CpuListsAreCounted(string list, int expected) => Assert.Equal(expected, CacheDetector.CountCpuList(list));

    [Theory]
    [InlineData("48K", 48 * 1024)]
    [InlineData("2048K", 2048 * 1024)]
    [InlineData("32M", 32L * 1024 * 1024)]
    [InlineData("junk", 0)]
    public void SysfsSizesAreParsed(string text, long expected) => Assert.Equal(expected, CacheDetector.ParseSize(text));

    [Fact]
    public void MeminfoKilobytesBecomeBytes()
    {
        var values = MemoryInfo.Parse("MemTotal:       16384 kB\nMemAvailable:    8192 kB\nHugePages_Total:       0\n");
        Assert.Equal(16384L * 1024, values["MemTotal"]);
        Assert.Equal(0, values["HugePages_Total"]);
    }

    [Fact]
    public void ProcCpuinfoParserReadsFirstBlock()
    {
        var info = ProcCpuInfo.Parse("processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu avx2 amx_tile\n\nprocessor\t: 1\nmodel name\t: Test CPU\n");
        Assert.Equal("Test CPU", info.ModelName);
        Assert.Contains("amx_tile", info.Flags);
        Assert.Equal(2, info.LogicalProcessors);
    }
}
