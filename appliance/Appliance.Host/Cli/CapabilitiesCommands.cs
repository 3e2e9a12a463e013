using System.CommandLine;
using Appliance.Drivers.Cpu.Detection;
using Appliance.Drivers.Cpu.Selection;
using Appliance.Drivers.Cpu.Variants;
using Appliance.Models.Llama.Bench;

namespace Appliance.Host.Cli;

/// <summary>
/// `capabilities [--json] [--probe] [--model M]`: what this CPU can run (each value with its source),
/// which shipped ggml variants are usable, which kernel each weight format gets, and the measured
/// CPU-path selection for the configured model (cached, or measured now with --probe).
/// </summary>
internal static class CapabilitiesCommands
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var probe = new Option<bool>("--probe") { Description = "Measure candidate variants × thread counts now (one child process each) and cache the choice" };
        var model = new Option<string?>("--model") { Description = "Model for the selection: a GGUF path, SHAPE:TYPE (synthetic) or stories260k; default $APPLIANCE_LLM_MODEL, else qwen2.5-0.5b:q4_0" };
        var variants = new Option<string?>("--variants") { Description = "Probe candidates, comma separated (default: top 4 usable)" };
        var threads = new Option<string?>("--threads") { Description = "Probe thread counts, comma separated (default 1,2,4..CPUs)" };
        var cap = new Option<string?>("--cpu-max") { Description = $"Cap features at a variant/alias (like ${CpuDetector.CapVariable}), e.g. avx2" };
        var command = new Command("capabilities", "Detected CPU features (with sources), usable ggml variants, format→kernel map and the measured CPU-path selection")
        {
            json, probe, model, variants, threads, cap,
        };
        command.SetAction(async (parse, ct) =>
        {
            var caps = CpuDetector.Detect(parse.GetValue(cap), measureBandwidth: true);
            var modelSpec = parse.GetValue(model) ?? Environment.GetEnvironmentVariable("APPLIANCE_LLM_MODEL") ?? "qwen2.5-0.5b:q4_0";
            var store = new SelectionStore();
            CpuSelection? selection = null;
            string? selectionNote = null;
            string? modelPath = null;
            try
            {
                modelPath = parse.GetValue(probe) ? LlmBench.ResolveModel(modelSpec, Console.Error.WriteLine).Path : TryResolveWithoutGenerating(modelSpec);
                if (modelPath is null)
                {
                    selectionNote = $"model {modelSpec} not generated yet; run `models synth` or `capabilities --probe`";
                }
                else if (parse.GetValue(probe))
                {
                    selection = await CpuPathProbe.ProbeAsync(caps, modelPath,
                        CpuPathCommands.List(parse.GetValue(variants)) is { Count: > 0 } v ? v : null,
                        CpuPathCommands.Ints(parse.GetValue(threads)) is { Count: > 0 } t ? t : null,
                        store, Console.Error.WriteLine);
                }
                else
                {
                    selection = store.Find(caps.Fingerprint, SelectionStore.ModelFingerprint(modelPath));
                    selectionNote = selection is null ? $"no measured selection cached in {store.Path} for this CPU and model; run `capabilities --probe`" : $"cached in {store.Path}";
                }
                var effective = CpuPathOverride.FromEnvironment().ApplyTo(selection, caps.Fingerprint, modelPath is null ? "" : SelectionStore.ModelFingerprint(modelPath), caps.Topology.LogicalCpus.Value);
                selection = effective;
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or InvalidDataException)
            {
                selectionNote = $"selection failed: {e.Message}";
            }
            var top = caps.UsableVariants.FirstOrDefault() ?? GgmlVariantCatalog.Get("x64");
            var kernelVariant = selection is { Variant: not "auto" } ? GgmlVariantCatalog.Get(selection.Variant) : top;
            var report = new
            {
                Cpu = new { caps.Vendor, caps.ModelName, Cap = caps.Cap },
                Xcr0 = new { caps.Xcr0.Value, Hex = caps.Xcr0.Value is { } x ? $"0x{x:X}" : null, States = caps.Xcr0.Value is { } y ? Xcr0.Describe(y) : [], caps.Xcr0.Source },
                caps.AmxPermission,
                Features = caps.Features.Select(f => new { f.Name, f.Cpuid, f.OsEnabled, f.KernelPermits, f.AllowedByCap, f.Usable, f.ProcCpuinfo, f.Source }),
                caps.Topology,
                caps.Caches,
                caps.Memory,
                caps.Bandwidth,
                Variants = GgmlVariantCatalog.All.OrderByDescending(v => v.GgmlScore).Select(v => new
                {
                    v.Name,
                    Options = v.GgmlOptions,
                    v.GgmlScore,
                    Usable = v.CanRunOn(caps.Usable),
                    Missing = v.RequiredFeatures.Except(caps.Usable).Select(f => FeatureDefinition.Of(f).Name),
                    Installed = GgmlVariantScore.FindLibrary(v) is not null,
                }),
                Formats = new { Variant = kernelVariant.Name, Kernels = FormatKernelMap.Map(caps.Usable, kernelVariant) },
                Selection = new { Model = modelSpec, ModelPath = modelPath, Note = selectionNote, Choice = selection },
                caps.Fingerprint,
            };
            if (parse.GetValue(json))
            {
                Console.WriteLine(CliJson.Serialize(report));
                return 0;
            }
            Console.WriteLine($"CPU        {caps.ModelName.Value} [{caps.ModelName.Source}], vendor {caps.Vendor.Value}");
            Console.WriteLine($"cap        {caps.Cap.Value ?? "none"} [{caps.Cap.Source}]");
            Console.WriteLine($"XCR0       {report.Xcr0.Hex ?? "n/a"} ({string.Join(' ', report.Xcr0.States)}) [{caps.Xcr0.Source}]");
            Console.WriteLine($"AMX perm   {(caps.AmxPermission.Granted ? "granted" : "not granted")} [{caps.AmxPermission.Detail}]");
            Console.WriteLine("features   name          cpuid os    kernel cap   usable /proc  source");
            foreach (var f in caps.Features)
            {
                Console.WriteLine($"           {f.Name,-13} {Yn(f.Cpuid),-5} {Yn(f.OsEnabled),-5} {(f.KernelPermits is null ? "-" : Yn(f.KernelPermits.Value)),-6} {Yn(f.AllowedByCap),-5} {Yn(f.Usable),-6} {(f.ProcCpuinfo is null ? "-" : Yn(f.ProcCpuinfo.Value)),-6} {f.Source}");
            }
            Console.WriteLine($"threads    {caps.Topology.LogicalCpus.Value} logical [{caps.Topology.LogicalCpus.Source}], {caps.Topology.PhysicalCores.Value} cores [{caps.Topology.PhysicalCores.Source}]");
            foreach (var c in caps.Caches)
            {
                Console.WriteLine($"cache      L{c.Level} {c.Type,-11} {c.SizeBytes / 1024,6} KiB, line {c.LineBytes}, shared by {c.SharedByLogicalCpus} [{c.Source}]");
            }
            if (caps.Memory is { } m)
            {
                Console.WriteLine($"memory     {m.TotalBytes.Value / (1 << 20)} MiB total [{m.TotalBytes.Source}], {m.AvailableBytes.Value / (1 << 20)} MiB available");
            }
            if (caps.Bandwidth is { } b)
            {
                Console.WriteLine($"bandwidth  read {b.ReadGBps:F1} GB/s, copy {b.CopyGBps:F1} GB/s [{b.Source}]");
            }
            Console.WriteLine("variants   (ggml score, highest first)");
            foreach (var v in report.Variants)
            {
                Console.WriteLine($"           {v.Name,-15} {v.GgmlScore,5} {(v.Usable ? "usable" : "missing " + string.Join(' ', v.Missing))}{(v.Installed ? "" : " (library not installed)")}");
            }
            Console.WriteLine($"formats    on {kernelVariant.Name}:");
            foreach (var k in report.Formats.Kernels)
            {
                Console.WriteLine($"           {k.Format,-7} {k.Kernel}  [{k.Why}]");
            }
            Console.WriteLine($"selection  model {modelSpec}{(modelPath is null ? "" : $" ({modelPath})")}");
            if (selection is not null)
            {
                Console.WriteLine($"           variant {selection.Variant}, prefill threads {selection.PrefillThreads}, decode threads {selection.DecodeThreads} [{selection.Source}]");
                foreach (var ms in selection.Measurements)
                {
                    Console.WriteLine($"           measured {ms.Variant,-15} × {ms.Threads}: prefill {ms.PrefillTokS,8:F1} tok/s, decode {ms.DecodeTokS,7:F1} tok/s{(ms.Error is null ? "" : " — " + ms.Error)}");
                }
            }
            if (selectionNote is not null)
            {
                Console.WriteLine($"           {selectionNote}");
            }
            return 0;
        });
        return command;
    }

    private static string Yn(bool b) => b ? "yes" : "no";

    /// <summary>Resolves a model spec only if its file already exists (capabilities without --probe never generates GBs).</summary>
    private static string? TryResolveWithoutGenerating(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon > 0 && !File.Exists(spec))
        {
            var path = SyntheticModels.PathFor(Appliance.Models.Gguf.Synthetic.ModelShape.Get(spec[..colon]), spec[(colon + 1)..]);
            return File.Exists(path) ? path : null;
        }
        return LlmBench.ResolveModel(spec).Path;
    }
}
