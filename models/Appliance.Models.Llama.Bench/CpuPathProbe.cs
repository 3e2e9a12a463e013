using Appliance.Drivers.Cpu.Detection;
using Appliance.Drivers.Cpu.Selection;
using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// Measures candidate CPU variants × thread counts on the configured model (one child process per
/// run), chooses with <see cref="SelectionPolicy"/> and caches the result per CPU + model fingerprint.
/// </summary>
public static class CpuPathProbe
{
    /// <summary>Usable variants, ggml's highest score first, at most <paramref name="max"/> (scalar x64 only if nothing else runs).</summary>
    public static IReadOnlyList<string> DefaultCandidates(CpuCapabilities caps, int max = 4) =>
        caps.UsableVariants.Where(v => v.Name != "x64" || caps.UsableVariants.Count == 1).Take(max).Select(v => v.Name).ToList();

    /// <summary>1, 2, 4, ... up to the logical CPUs this process may use, plus that count itself.</summary>
    public static IReadOnlyList<int> DefaultThreadCounts(int logicalCpus)
    {
        var list = new List<int>();
        for (var t = 1; t < logicalCpus; t *= 2)
        {
            list.Add(t);
        }
        list.Add(Math.Max(1, logicalCpus));
        return list.Distinct().ToList();
    }

    public static async Task<CpuSelection> ProbeAsync(CpuCapabilities caps, string modelPath, IReadOnlyList<string>? variants = null,
        IReadOnlyList<int>? threads = null, SelectionStore? store = null, Action<string>? log = null, int prefill = 64, int decode = 16)
    {
        variants ??= DefaultCandidates(caps);
        threads ??= DefaultThreadCounts(caps.Topology.LogicalCpus.Value);
        foreach (var v in variants)
        {
            var variant = GgmlVariantCatalog.Get(v);
            if (!variant.CanRunOn(caps.Usable))
            {
                throw new ArgumentException($"variant {variant.Name} needs {string.Join(' ', variant.RequiredFeatures.Except(caps.Usable))}, which this CPU (or the cap) does not allow");
            }
        }
        var measurements = new List<ProbeMeasurement>();
        foreach (var v in variants)
        {
            foreach (var t in threads)
            {
                var spec = new LlmRunSpec(GgmlVariantCatalog.Get(v).Name, modelPath, t, prefill, decode, Repeats: 1);
                var r = await WorkerProcess.RunAsync(spec, TimeSpan.FromMinutes(3)); // a run slower than this has lost anyway
                log?.Invoke($"probe {spec.Variant} × {t} threads: prefill {r.PrefillTokS:F1} tok/s, decode {r.DecodeTokS:F1} tok/s{(r.Error is null ? "" : " — " + r.Error)}");
                measurements.Add(new(spec.Variant, t, r.PrefillTokS, r.DecodeTokS, prefill, r.GeneratedTokens, r.Error));
            }
        }
        var selection = SelectionPolicy.Choose(measurements, caps.Fingerprint, SelectionStore.ModelFingerprint(modelPath));
        (store ?? new SelectionStore()).Save(selection);
        return selection;
    }
}
