using System.Reflection;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// Starts this same executable as `appliance bench llm-worker ARGS` — one process per CPU variant,
/// because ggml keeps the first CPU backend it loads for the life of a process.
/// </summary>
public static class WorkerProcess
{
    public const string Verb = "llm-worker";

    public static Task<LlmRunResult> RunAsync(LlmRunSpec spec, TimeSpan? timeout = null)
    {
        var (file, prefix) = SelfCommand();
        var args = prefix.Concat(["bench", Verb]).Concat(spec.ToArguments()).ToList();
        if (spec.PersonaTest)
        {
            args.Add("--persona");
        }
        return ProcessRunner.RunAsync(file, args, "csharp", spec, timeout ?? TimeSpan.FromMinutes(10));
    }

    /// <summary>How to start this program again: the apphost itself, or `dotnet appliance.dll`.</summary>
    public static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            var entry = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly");
            return (process, [entry]);
        }
        return (process, []);
    }
}
