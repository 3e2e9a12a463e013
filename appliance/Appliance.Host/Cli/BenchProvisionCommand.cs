using System.CommandLine;
using System.Text.Json;
using Appliance.Provisioning.Apply;

namespace Appliance.Host.Cli;

/// <summary>`bench provision-crash`: SIGKILL the apply hundreds of times; the device must always boot old or new.</summary>
internal static class BenchProvisionCommand
{
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations") { Description = "apply attempts to kill", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "random seed for the kill times", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "print the result as JSON" };
        var crash = new Command("provision-crash", "Kill `provision` at random points; count old/new/broken outcomes") { iterations, seed, json };
        crash.SetAction(async (parse, ct) =>
        {
            var self = Environment.GetCommandLineArgs()[0];
            string[] command = self.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", self] : [Environment.ProcessPath!];
            var quiet = parse.GetValue(json);
            var report = await CrashHarness.RunAsync(command, parse.GetValue(iterations), parse.GetValue(seed), quiet ? null : Console.WriteLine, ct);
            Console.WriteLine(quiet
                ? JsonSerializer.Serialize(new { iterations = report.Iterations, old = report.Old, @new = report.New, broken = report.Broken, apply_ms = Math.Round(report.MeanApplyMs), problems = report.Problems })
                : $"{report.Iterations} killed applies: {report.Old} old, {report.New} new, {report.Broken} broken (uninterrupted apply {report.MeanApplyMs:F0} ms)");
            return report.Broken == 0 ? 0 : 1;
        });
        var bench = new Command("bench", "Benchmarks that print numbers");
        bench.Subcommands.Add(crash);
        return bench;
    }
}
