using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Drivers.Cpu.Detection;

/// <summary>Everything detection found, each value with its source.</summary>
public sealed record CpuCapabilities(
    Sourced<string> Vendor,
    Sourced<string?> ModelName,
    Sourced<ulong?> Xcr0,
    AmxPermissionResult AmxPermission,
    IReadOnlyList<FeatureState> Features,
    Topology Topology,
    IReadOnlyList<CacheLevel> Caches,
    MemoryInfo? Memory,
    MemoryBandwidth? Bandwidth,
    Sourced<string?> Cap)
{
    public IReadOnlySet<CpuFeature> Usable => Features.Where(f => f.Usable).Select(f => f.Feature).ToHashSet();

    public bool Has(CpuFeature feature) => Usable.Contains(feature);

    /// <summary>Shipped variants this CPU (after the cap) can run, ggml's highest score first.</summary>
    public IReadOnlyList<GgmlCpuVariant> UsableVariants =>
        GgmlVariantCatalog.All.Where(v => v.CanRunOn(Usable)).OrderByDescending(v => v.GgmlScore).ToList();

    /// <summary>A stable key for caching measured selections: model name, vendor, usable feature set, logical CPUs.</summary>
    public string Fingerprint =>
        $"{ModelName.Value ?? Vendor.Value}|{string.Join(',', Usable.Order())}|{Topology.LogicalCpus.Value}";
}
