using System.Diagnostics;

namespace Appliance.Models.Sherpa.Tests;

/// <summary>Runs a stand-in model writer (Debian python3 + python3-onnx) into a fresh temp folder.</summary>
public abstract class StandInModel : IDisposable
{
    protected StandInModel(string script)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("stand-in-model-").FullName;
        script = Path.Combine(AppContext.BaseDirectory, script);
        var start = new ProcessStartInfo("/usr/bin/python3", [script, Directory]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {stderr}");
        }
    }

    public string Directory { get; }

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
