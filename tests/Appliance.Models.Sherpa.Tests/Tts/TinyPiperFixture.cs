using System.Diagnostics;

namespace Appliance.Models.Sherpa.Tests.Tts;

/// <summary>
/// Builds the stand-in Piper voice (make_tiny_piper.py, Debian python3-onnx) into a temp folder once
/// per test class: neural TTS weights are not available here, the binding path is what is tested.
/// </summary>
public sealed class TinyPiperFixture : IDisposable
{
    public TinyPiperFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tiny-piper-").FullName;
        var script = Path.Combine(AppContext.BaseDirectory, "Tts", "make_tiny_piper.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, Directory]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make_tiny_piper.py failed ({process.ExitCode}): {stderr}");
        }
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
