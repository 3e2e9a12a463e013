using System.Globalization;
using Appliance.Drivers.Cpu.Detection;
using Appliance.Models.Gguf;
using Appliance.Models.Gguf.Synthetic;
using GgufHeader = Appliance.Models.Gguf.GgufFile;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// `bench llm`: for each model × variant × threads, the C# binding (in its own process) and the native C
/// reference (same libllama, same settings) one after the other, plus roofline against the measured
/// memory bandwidth and prefix-reuse time to first token of a second turn.
/// </summary>
public static class LlmBench
{
    public static IReadOnlyList<string> DefaultVariants(CpuCapabilities caps)
    {
        var usable = caps.UsableVariants.Select(v => v.Name).ToList();
        var list = new List<string>();
        if (usable.Count > 0)
        {
            list.Add(usable[0]); // what ggml itself would pick
        }
        if (usable.Contains("haswell"))
        {
            list.Add("haswell"); // the AVX2 reference for the AMX/AVX-512 ratio
        }
        return list.Distinct().ToList();
    }

    public static async Task<LlmBenchReport> RunAsync(LlmBenchOptions options, CpuCapabilities caps, Action<string> log)
    {
        log("measuring memory bandwidth");
        var bw = BandwidthProbe.Measure();
        log($"memory: read {bw.ReadGBps:F1} GB/s, copy {bw.CopyGBps:F1} GB/s ({bw.Source})");
        string? nativeBinary = null;
        var notes = new List<string>();
        if (options.Native)
        {
            try
            {
                nativeBinary = NativeLlamaBench.Build();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                notes.Add($"native C reference unavailable: {e.Message}");
            }
        }
        var rows = new List<LlmBenchRow>();
        foreach (var modelSpec in options.Models)
        {
            var (label, path) = ResolveModel(modelSpec, log);
            var gguf = GgufReader.Read(path);
            var quant = DominantType(gguf);
            var first = true;
            foreach (var variant in options.Variants)
            {
                foreach (var threads in options.Threads)
                {
                    var persona = options.Persona && first && threads == options.Threads.Max();
                    var spec = new LlmRunSpec(variant, path, threads, options.PrefillTokens, options.DecodeTokens, options.Repeats, PersonaTest: persona);
                    // A-B-B-A order (native, C#, C#, native) so load drifting on a shared box hits both runners alike.
                    var managedRuns = new List<LlmRunResult>();
                    var nativeRuns = new List<LlmRunResult>();
                    var order = nativeBinary is null ? new[] { false } : [true, false, false, true];
                    foreach (var isNative in order)
                    {
                        log($"{label} [{quant}] {variant} × {threads}: {(isNative ? "native C" : "C# binding")} …");
                        if (isNative)
                        {
                            nativeRuns.Add(await NativeLlamaBench.RunAsync(nativeBinary!, spec with { PersonaTest = false }));
                        }
                        else
                        {
                            managedRuns.Add(await WorkerProcess.RunAsync(managedRuns.Count == 0 ? spec : spec with { PersonaTest = false }));
                        }
                    }
                    var managed = Combine(managedRuns);
                    var native = nativeRuns.Count == 0 ? null : Combine(nativeRuns);
                    var row = MakeRow(label, quant, gguf.TensorBytes, managed, native, bw.ReadGBps);
                    log($"  prefill {row.PrefillTokS:F1} tok/s (native {row.NativePrefillTokS:F1}), decode {row.DecodeTokS:F1} tok/s (native {row.NativeDecodeTokS:F1}), overhead {row.BindingOverheadPct:F1} %, roofline {row.RooflinePct:F1} %{(row.Error is null ? "" : " ERROR " + row.Error)}");
                    rows.Add(row);
                }
                first = false;
            }
        }
        notes.Add("shared 2-core machine under load from other jobs: medians of repeats; compare ratios measured in the same run, not absolute numbers");
        return new LlmBenchReport
        {
            Cpu = caps.ModelName.Value ?? caps.Vendor.Value,
            UsableVariants = caps.UsableVariants.Select(v => v.Name).ToList(),
            ReadGBps = bw.ReadGBps,
            CopyGBps = bw.CopyGBps,
            BandwidthSource = bw.Source,
            PrefillTokens = options.PrefillTokens,
            DecodeTokens = options.DecodeTokens,
            Repeats = options.Repeats,
            Rows = rows,
            SimdPrefillRatio = SimdRatios(rows, caps),
            Notes = notes,
        };
    }

    /// <summary>Median of each figure over several processes' results; the first error wins.</summary>
    public static LlmRunResult Combine(IReadOnlyList<LlmRunResult> runs)
    {
        var ok = runs.Where(r => r.Error is null).ToList();
        if (ok.Count == 0)
        {
            return runs[0];
        }
        return ok[0] with
        {
            PrefillTokS = Stats.Median(ok.Select(r => r.PrefillTokS)),
            DecodeTokS = Stats.Median(ok.Select(r => r.DecodeTokS)),
            TtftMs = Stats.Median(ok.Select(r => r.TtftMs)),
            Repeats = ok.Sum(r => r.Repeats),
            SecondTurnTtftReuseMs = ok.Select(r => r.SecondTurnTtftReuseMs).FirstOrDefault(v => v is not null),
            SecondTurnTtftNoReuseMs = ok.Select(r => r.SecondTurnTtftNoReuseMs).FirstOrDefault(v => v is not null),
            Error = runs.Count == ok.Count ? null : runs.First(r => r.Error is not null).Error,
        };
    }

    public static LlmBenchRow MakeRow(string model, string quant, long tensorBytes, LlmRunResult managed, LlmRunResult? native, double readGBps)
    {
        double? Overhead(double cs, double? c) => c is > 0 && cs > 0 ? (c.Value - cs) / c.Value * 100 : null;
        var nativeOk = native is { Error: null };
        return new LlmBenchRow
        {
            Model = model,
            Quant = quant,
            TensorBytes = tensorBytes,
            Variant = managed.Variant,
            Threads = managed.Threads,
            PrefillTokS = managed.PrefillTokS,
            DecodeTokS = managed.DecodeTokS,
            TtftMs = managed.TtftMs,
            NativePrefillTokS = nativeOk ? native!.PrefillTokS : null,
            NativeDecodeTokS = nativeOk ? native!.DecodeTokS : null,
            BindingOverheadPct = nativeOk ? Overhead(managed.DecodeTokS, native!.DecodeTokS) : null,
            BindingOverheadPrefillPct = nativeOk ? Overhead(managed.PrefillTokS, native!.PrefillTokS) : null,
            RooflinePct = managed.DecodeTokS > 0 && readGBps > 0 ? managed.DecodeTokS * tensorBytes / (readGBps * 1e9) * 100 : null,
            SecondTurnTtftReuseMs = managed.SecondTurnTtftReuseMs,
            SecondTurnTtftNoReuseMs = managed.SecondTurnTtftNoReuseMs,
            Error = managed.Error ?? native?.Error,
        };
    }

    private static Dictionary<string, string> SimdRatios(List<LlmBenchRow> rows, CpuCapabilities caps)
    {
        var result = new Dictionary<string, string>();
        var wide = new[] { "sapphirerapids", "zen4", "cooperlake", "icelake", "cascadelake", "cannonlake", "skylakex" };
        foreach (var g in rows.Where(r => r.Error is null).GroupBy(r => $"{r.Model} {r.Quant}"))
        {
            var avx2 = g.Where(r => r.Variant == "haswell").Select(r => r.PrefillTokS).DefaultIfEmpty(0).Max();
            var best = g.Where(r => wide.Contains(r.Variant)).OrderByDescending(r => r.PrefillTokS).FirstOrDefault();
            result[g.Key] = best is null || avx2 <= 0
                ? (caps.Has(CpuFeature.Avx512F) || caps.Has(CpuFeature.AmxInt8)
                    ? "not measured: run with --variants including haswell and an AVX-512/AMX variant"
                    : $"not measurable here: this CPU has no usable AVX-512/AMX (usable: {string.Join(", ", caps.UsableVariants.Select(v => v.Name))})")
                : (best.PrefillTokS / avx2).ToString("F2", CultureInfo.InvariantCulture) + $" ({best.Variant} vs haswell)";
        }
        return result;
    }

    /// <summary>"stories260k", "SHAPE:TYPE" (synthetic, generated on first use) or a GGUF path → (label, path).</summary>
    public static (string Label, string Path) ResolveModel(string spec, Action<string>? log = null)
    {
        if (spec.Equals("stories260k", StringComparison.OrdinalIgnoreCase))
        {
            var donor = SyntheticModels.DefaultVocabDonor();
            return ("stories260K", System.IO.Path.Combine(System.IO.Path.GetDirectoryName(donor)!, "stories260K.gguf"));
        }
        var colon = spec.IndexOf(':');
        if (colon > 0 && !File.Exists(spec))
        {
            var shape = ModelShape.Get(spec[..colon]);
            return (shape.Name, SyntheticModels.Ensure(shape, spec[(colon + 1)..], log: log));
        }
        return File.Exists(spec) ? (System.IO.Path.GetFileNameWithoutExtension(spec), spec) : throw new FileNotFoundException($"model '{spec}' is neither stories260k, SHAPE:TYPE nor an existing file");
    }

    /// <summary>The weight type holding most tensor bytes (what "quant" means for a mixed file).</summary>
    public static string DominantType(GgufHeader gguf) =>
        gguf.BytesByType.OrderByDescending(kv => kv.Value).First().Key.ToString();
}
