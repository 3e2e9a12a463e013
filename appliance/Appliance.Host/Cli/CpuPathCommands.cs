using System.CommandLine;

namespace Appliance.Host.Cli;

/// <summary>The CPU-path verbs: `capabilities`, `bench llm` (+ its worker), `models synth`.</summary>
internal static class CpuPathCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return CapabilitiesCommands.Create();
        yield return BenchLlmCommands.Create();
        yield return ModelsSynthCommands.Create();
    }

    /// <summary>Splits "a,b,c" option values.</summary>
    public static List<string> List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static List<int> Ints(string? value) =>
        List(value).Select(s => int.TryParse(s, out var n) && n > 0 ? n : throw new ArgumentException($"'{s}' is not a positive integer")).ToList();
}
