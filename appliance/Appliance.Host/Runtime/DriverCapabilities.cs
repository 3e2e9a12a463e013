using Appliance.Core.Native;
using Appliance.Drivers.Cpu.Detection;
using Appliance.Drivers.Cpu.Selection;
using Appliance.Drivers.Cpu.Variants;
using Appliance.Service.Runtime;

namespace Appliance.Host.Runtime;

/// <summary>
/// /api/capabilities in `run`: the CPU as Appliance.Drivers.Cpu detects it (features usable after the
/// OS, kernel and $APPLIANCE_CPU_MAX cap — not just /proc/cpuinfo flags), the shipped ggml variants it
/// can run and which are installed, and the CPU-path selection cached by `capabilities --probe` for
/// the running LLM with the environment override applied: the same data as `appliance capabilities --json`
/// (without the bandwidth measurement, which would cost a second of CPU on a request).
/// </summary>
internal sealed class DriverCapabilities(LivePipeline pipeline) : ICapabilitiesProvider
{
    private readonly Lazy<CapabilityReport> _report = new(() => Build(pipeline.DialogModel));

    public CapabilityReport Describe() => _report.Value;

    /// <param name="llm">The dialog model `run` loads (a GGUF path, or kb/synthetic).</param>
    private static CapabilityReport Build(string llm)
    {
        var caps = CpuDetector.Detect(); // honours $APPLIANCE_CPU_MAX like the CLI
        var variants = caps.UsableVariants;
        var installed = variants.FirstOrDefault(v => GgmlVariantScore.FindLibrary(v) is not null);
        var engines = new Dictionary<string, string>
        {
            ["llama"] = installed is null ? "missing" : $"{installed.Name} ({GgmlVariantScore.FindLibrary(installed)})",
            ["sherpa"] = AppliancePaths.NativeDirs("sherpa").FirstOrDefault(Directory.Exists) ?? "missing",
        };
        var (choice, note) = Selection(caps, llm);
        return new CapabilityReport(
            caps.ModelName.Value ?? caps.Vendor.Value,
            caps.Topology.LogicalCpus.Value,
            caps.Features.Where(f => f.Usable).Select(f => f.Name).ToList(),
            engines,
            variants.Select(v => v.Name).ToList(),
            choice,
            note);
    }

    private static (CpuPathChoice? Choice, string? Note) Selection(CpuCapabilities caps, string llm)
    {
        if (!File.Exists(llm))
        {
            return (null, $"dialog runs on '{llm}' (no GGUF model): no LLM CPU path to select");
        }
        var store = new SelectionStore();
        var model = SelectionStore.ModelFingerprint(llm);
        var measured = store.Find(caps.Fingerprint, model);
        var effective = CpuPathOverride.FromEnvironment().ApplyTo(measured, caps.Fingerprint, model, caps.Topology.LogicalCpus.Value);
        if (effective is null)
        {
            return (null, $"no measured selection cached in {store.Path} for this CPU and model; run `appliance capabilities --probe --model {llm}`");
        }
        return (new CpuPathChoice(llm, effective.Variant, effective.PrefillThreads, effective.DecodeThreads, effective.Source), measured is null ? "environment override" : $"cached in {store.Path}");
    }
}
