using System.Diagnostics;
using System.Text.Json;

namespace Appliance.Models.Llama.Bench;

/// <summary>Runs a measuring child process and reads the JSON result it prints as its last stdout line.</summary>
internal static class ProcessRunner
{
    public static async Task<LlmRunResult> RunAsync(string fileName, IEnumerable<string> arguments, string runner, LlmRunSpec spec, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return Failed(runner, spec, $"timed out after {timeout.TotalSeconds:F0} s");
        }
        var output = await stdout;
        var errors = await stderr;
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (process.ExitCode != 0 || line is null)
        {
            var tail = string.Join(" | ", errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
            return Failed(runner, spec, $"exit code {process.ExitCode}: {tail}");
        }
        try
        {
            return JsonSerializer.Deserialize<LlmRunResult>(line) ?? Failed(runner, spec, "empty result");
        }
        catch (JsonException e)
        {
            return Failed(runner, spec, $"unreadable result line ({e.Message}): {line}");
        }
    }

    public static LlmRunResult Failed(string runner, LlmRunSpec spec, string error) =>
        new() { Runner = runner, Variant = spec.Variant, Threads = spec.Threads, PrefillTokens = spec.PrefillTokens, Error = error };
}
