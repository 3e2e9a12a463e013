namespace Appliance.Service.Runtime;

/// <summary>What this box can do: CPU features that pick engine variants, and which engines are present.</summary>
public sealed record CapabilityReport(
    string CpuModel,
    int LogicalCores,
    IReadOnlyList<string> CpuFeatures,
    IReadOnlyDictionary<string, string> Engines);
