using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>
/// Builds <see cref="CpuCapabilities"/>. A cap (APPLIANCE_CPU_MAX or config: a variant name such as
/// "haswell" or an alias such as "avx2") hides every feature that variant does not need, so the
/// fallback paths can be exercised on a machine that has more.
/// </summary>
public static class CpuDetector
{
    public const string CapVariable = "APPLIANCE_CPU_MAX";

    public static CpuCapabilities Detect(string? cap = null, bool measureBandwidth = false)
    {
        var capSource = cap is not null ? "config" : $"${CapVariable}";
        cap ??= Environment.GetEnvironmentVariable(CapVariable);
        if (string.IsNullOrWhiteSpace(cap))
        {
            cap = null;
        }
        var capVariant = cap is null ? null : GgmlVariantCatalog.Get(cap);
        var allowed = capVariant?.RequiredFeatures;

        var proc = ProcCpuInfo.Read();
        ulong? xcr0 = Xcr0.Read();
        var amx = AmxPermission.Request();
        var features = new List<FeatureState>();
        foreach (var def in FeatureDefinition.All)
        {
            var cpuid = Cpuid.Has(def.Bit);
            // Without OSXSAVE there is no XCR0; then only the legacy SSE state (always saved) is usable.
            var osEnabled = def.Xcr0Mask == 0 || (xcr0 is { } x ? (x & def.Xcr0Mask) == def.Xcr0Mask : def.Xcr0Mask == FeatureDefinition.XcrSse);
            bool? permits = def.NeedsAmxPermission ? amx.Granted : null;
            var source = $"{def.Bit}" + (def.Xcr0Mask != 0 ? $" + XCR0 mask 0x{def.Xcr0Mask:X}" : "") + (def.NeedsAmxPermission ? " + arch_prctl" : "");
            features.Add(new(def.Feature, def.Name, cpuid, osEnabled, permits, allowed?.Contains(def.Feature) ?? true,
                proc is null ? null : proc.Flags.Contains(def.LinuxFlag), source));
        }
        var brand = Cpuid.BrandString;
        return new(
            new(Cpuid.IsAvailable ? Cpuid.Vendor : "unknown", "CPUID leaf 0"),
            brand is not null ? new(brand, "CPUID leaves 80000002h-80000004h") : new(proc?.ModelName, "/proc/cpuinfo model name"),
            new(xcr0, xcr0 is null ? "unavailable (no OSXSAVE or not x86-64 Linux)" : "XGETBV(0) via a mapped code stub"),
            amx,
            features,
            Topology.Detect(),
            CacheDetector.Detect(),
            MemoryInfo.Read(),
            measureBandwidth ? BandwidthProbe.Measure() : null,
            new(capVariant?.Name, cap is null ? "none" : capSource));
    }
}
