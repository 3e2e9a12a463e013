namespace Appliance.Service.Runtime;

/// <summary>What this box can do: CPU features that pick engine variants, and which engines are present.</summary>
/// <param name="UsableVariants">Shipped ggml CPU variants this CPU can run, best first (null when not detected).</param>
/// <param name="CpuPath">The measured/cached CPU-path selection for the running LLM (as `capabilities` shows it), or null.</param>
/// <param name="CpuPathNote">Why there is no selection (knowledge-base responder, not measured yet...).</param>
public sealed record CapabilityReport(
    string CpuModel,
    int LogicalCores,
    IReadOnlyList<string> CpuFeatures,
    IReadOnlyDictionary<string, string> Engines,
    IReadOnlyList<string>? UsableVariants = null,
    CpuPathChoice? CpuPath = null,
    string? CpuPathNote = null);
