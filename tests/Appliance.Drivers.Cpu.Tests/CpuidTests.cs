using System.Runtime.Intrinsics.X86;
using Appliance.Drivers.Cpu.Detection;

namespace Appliance.Drivers.Cpu.Tests;

/// <summary>CPUID + XCR0 detection against two independent witnesses: the kernel's /proc/cpuinfo and the .NET runtime's own checks.</summary>
public class CpuidTests
{
    private static readonly CpuCapabilities Caps = CpuDetector.Detect(cap: "sapphirerapids");

    [Fact]
    public void EveryFeatureAgreesWithProcCpuinfoFlags()
    {
        var proc = ProcCpuInfo.Read();
        Assert.NotNull(proc);
        var mismatches = Caps.Features
            .Where(f => f.ProcCpuinfo != (f.Cpuid && f.OsEnabled))
            .Select(f => $"{f.Name}: cpuid={f.Cpuid} os={f.OsEnabled} /proc/cpuinfo={f.ProcCpuinfo}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Xcr0HasLegacyStateAndAgreesWithRuntimeAvxChecks()
    {
        var xcr0 = Xcr0.Read();
        Assert.NotNull(xcr0);
        Assert.Equal(0b11UL, xcr0!.Value & 0b11); // x87 and SSE state are always enabled on x86-64 Linux
        // The runtime enables Avx2/Avx512F only after its own XGETBV check, so it is a witness for ours.
        Assert.Equal(Avx2.IsSupported, Caps.Has(CpuFeature.Avx2));
        Assert.Equal(Avx512F.IsSupported, Caps.Has(CpuFeature.Avx512F));
        Assert.Equal(Fma.IsSupported, Caps.Has(CpuFeature.Fma));
        Assert.Equal(Bmi2.IsSupported, Caps.Has(CpuFeature.Bmi2));
    }

    [Fact]
    public void AmxPermissionIsGrantedExactlyWhenTheCpuHasAmxTiles()
    {
        var result = AmxPermission.Request();
        var hasTiles = ProcCpuInfo.Read()!.Flags.Contains("amx_tile");
        Assert.Equal(hasTiles, result.Granted);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void ModelNameAndVendorAreReported()
    {
        Assert.Contains(Caps.Vendor.Value, new[] { "GenuineIntel", "AuthenticAMD" });
        Assert.False(string.IsNullOrWhiteSpace(Caps.ModelName.Value));
        Assert.Contains(ProcCpuInfo.Read()!.ModelName!.Split(' ')[0], Caps.ModelName.Value!);
    }

    [Fact]
    public void TopologyCachesAndMemoryHaveSources()
    {
        Assert.True(Caps.Topology.LogicalCpus.Value >= 1);
        Assert.InRange(Caps.Topology.PhysicalCores.Value, 1, Caps.Topology.OnlineCpus.Value);
        var l1d = Assert.Single(Caps.Caches, c => c.Level == 1 && c.Type == "Data");
        Assert.InRange(l1d.SizeBytes, 8 * 1024, 1024 * 1024);
        Assert.All(Caps.Caches, c => Assert.False(string.IsNullOrEmpty(c.Source)));
        Assert.NotNull(Caps.Memory);
        Assert.True(Caps.Memory!.TotalBytes.Value > 256L << 20);
        Assert.InRange(Caps.Memory.AvailableBytes.Value, 1, Caps.Memory.TotalBytes.Value);
    }

    [Fact]
    public void CpuidCacheLeafAgreesWithSysfsOnL1Data()
    {
        var sysfs = CacheDetector.FromSysfs(CacheDetector.SysfsRoot).Single(c => c.Level == 1 && c.Type == "Data");
        var cpuid = CacheDetector.FromCpuid().Single(c => c.Level == 1 && c.Type == "Data");
        Assert.Equal(sysfs.SizeBytes, cpuid.SizeBytes);
        Assert.Equal(sysfs.LineBytes, cpuid.LineBytes);
    }

    [Fact]
    public void BandwidthProbeMeasuresSomethingPlausible()
    {
        var bw = BandwidthProbe.Measure(threads: 1, bytesPerThread: 16L << 20, passes: 1);
        Assert.InRange(bw.CopyGBps, 0.1, 2000);
        Assert.InRange(bw.ReadGBps, 0.1, 2000);
    }
}
