using System.CommandLine;
using System.Text.Json;
using Appliance.Drivers.Cpu.Detection;
using Appliance.Models.Llama.Bench;

namespace Appliance.Host.Cli;

/// <summary>
/// `bench llm`: prefill/decode tok/s per model × quant × variant × threads, binding overhead against the
/// native C reference, roofline, persona-prefix reuse. `bench llm-worker` is the hidden per-variant
/// child process it starts.
/// </summary>
internal static class BenchLlmCommands
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks (print numbers; --json for machines)");
        bench.Subcommands.Add(Llm());
        bench.Subcommands.Add(Worker());
        return bench;
    }

    private static Command Llm()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var models = new Option<string?>("--models") { Description = "Comma list: stories260k, SHAPE:TYPE (e.g. qwen2.5-0.5b:q4_0, generated on first use) or GGUF paths. Default: stories260k + qwen2.5-0.5b q4_0/q8_0/bf16" };
        var large = new Option<bool>("--with-1.5b") { Description = "Also measure qwen2.5-1.5b:q4_0 (writes a 3 GB F16 file on first use)" };
        var variants = new Option<string?>("--variants") { Description = "Comma list of ggml CPU variants (default: ggml's pick + haswell)" };
        var threads = new Option<string?>("--threads") { Description = "Comma list of thread counts (default: 1 and all CPUs)" };
        var prefill = new Option<int>("--prefill") { Description = "Prompt tokens", DefaultValueFactory = _ => 128 };
        var decode = new Option<int>("--decode") { Description = "Generated tokens", DefaultValueFactory = _ => 32 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repeats per run (median reported)", DefaultValueFactory = _ => 2 };
        var noNative = new Option<bool>("--no-native") { Description = "Skip the native C reference" };
        var command = new Command("llm", "LLM prefill/decode speed, binding overhead vs native C, roofline, prefix reuse")
        {
            json, models, large, variants, threads, prefill, decode, repeats, noNative,
        };
        command.SetAction(async (parse, ct) =>
        {
            var caps = CpuDetector.Detect();
            var modelList = CpuPathCommands.List(parse.GetValue(models));
            if (modelList.Count == 0)
            {
                modelList = [.. LlmBenchOptions.DefaultModels];
            }
            if (parse.GetValue(large))
            {
                modelList.Add("qwen2.5-1.5b:q4_0");
            }
            var variantList = CpuPathCommands.List(parse.GetValue(variants));
            var threadList = CpuPathCommands.Ints(parse.GetValue(threads));
            var options = new LlmBenchOptions(
                modelList,
                variantList.Count > 0 ? variantList : LlmBench.DefaultVariants(caps),
                threadList.Count > 0 ? threadList : new[] { 1, caps.Topology.LogicalCpus.Value }.Distinct().ToList(),
                parse.GetValue(prefill), parse.GetValue(decode), parse.GetValue(repeats), Native: !parse.GetValue(noNative));
            var report = await LlmBench.RunAsync(options, caps, Console.Error.WriteLine);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
                return report.Rows.All(r => r.Error is null) ? 0 : 1;
            }
            Console.WriteLine($"cpu {report.Cpu}; read bandwidth {report.ReadGBps:F1} GB/s, copy {report.CopyGBps:F1} GB/s; prefill {report.PrefillTokens}, decode {report.DecodeTokens}, median of {report.Repeats}");
            Console.WriteLine($"{"model",-14} {"quant",-5} {"variant",-14} {"thr",3} {"prefill",9} {"(native)",9} {"decode",8} {"(native)",8} {"ovh%",6} {"roof%",6} {"ttft2 reuse/no",16}");
            foreach (var r in report.Rows)
            {
                var persona = r.SecondTurnTtftReuseMs is { } a ? $"{a:F0}/{r.SecondTurnTtftNoReuseMs:F0} ms" : "";
                Console.WriteLine($"{r.Model,-14} {r.Quant,-5} {r.Variant,-14} {r.Threads,3} {r.PrefillTokS,9:F1} {r.NativePrefillTokS,9:F1} {r.DecodeTokS,8:F1} {r.NativeDecodeTokS,8:F1} {r.BindingOverheadPct,6:F1} {r.RooflinePct,6:F1} {persona,16}{(r.Error is null ? "" : "  ERROR " + r.Error)}");
            }
            foreach (var (k, v) in report.SimdPrefillRatio)
            {
                Console.WriteLine($"AMX/AVX-512 vs AVX2 prefill, {k}: {v}");
            }
            foreach (var n in report.Notes)
            {
                Console.WriteLine($"note: {n}");
            }
            return report.Rows.All(r => r.Error is null) ? 0 : 1;
        });
        return command;
    }

    private static Command Worker()
    {
        var variant = new Option<string>("--variant") { Required = true };
        var model = new Option<string>("--model") { Required = true };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 1 };
        var prefill = new Option<int>("--prefill") { DefaultValueFactory = _ => 128 };
        var decode = new Option<int>("--decode") { DefaultValueFactory = _ => 32 };
        var repeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 2 };
        var ctx = new Option<int>("--ctx") { DefaultValueFactory = _ => 1024 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 512 };
        var persona = new Option<bool>("--persona");
        var command = new Command(WorkerProcess.Verb, "One measurement in this process (started by `bench llm` and `capabilities --probe`)")
        {
            variant, model, threads, prefill, decode, repeats, ctx, batch, persona,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var spec = new LlmRunSpec(parse.GetValue(variant)!, parse.GetValue(model)!, parse.GetValue(threads), parse.GetValue(prefill),
                parse.GetValue(decode), parse.GetValue(repeats), parse.GetValue(ctx), parse.GetValue(batch), parse.GetValue(persona));
            var result = ManagedLlmRun.Run(spec);
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        });
        return command;
    }
}
