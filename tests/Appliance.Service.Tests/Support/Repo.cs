using System.Diagnostics;
using System.Reflection;

namespace Appliance.Service.Tests.Support;

/// <summary>Paths baked in at build time, and a small process runner.</summary>
public static class Repo
{
    public static string Root => Metadata("RepositoryRoot");

    /// <summary>The real `appliance` executable built from Appliance.Host.</summary>
    public static string ApplianceExecutable => Metadata("ApplianceExecutable");

    /// <summary>artifacts/ under the repository root (screenshots, load-test numbers).</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, int timeoutMs = 60_000)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeoutMs} ms");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Metadata(string key)
        => typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
