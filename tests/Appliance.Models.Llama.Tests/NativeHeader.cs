using System.Diagnostics;
using Appliance.Core.Native;

namespace Appliance.Models.Llama.Tests;

/// <summary>
/// Compiles and runs a small C program against the real llama.h of the build we bind
/// (.cache/include/llama, installed by image/dev/setup with gcc), returning its stdout lines.
/// </summary>
internal static class NativeHeader
{
    public static string IncludeDir
    {
        get
        {
            var root = AppliancePaths.FindCacheRoot() ?? throw new InvalidOperationException("no .cache found: run image/dev/setup");
            var dir = Path.Combine(root, "include", "llama");
            Assert.True(File.Exists(Path.Combine(dir, "llama.h")), $"{dir}/llama.h missing: run image/dev/setup");
            return dir;
        }
    }

    public static string NativeDir => LlamaRuntime.Info?.NativeDirectory ?? AppliancePaths.NativeDirs("llama").First(d => File.Exists(Path.Combine(d, "libllama.v0.5.0.so")));

    /// <param name="link">Link against libllama/libggml (for programs that call functions).</param>
    public static async Task<string[]> CompileAndRunAsync(string source, bool link)
    {
        var dir = Directory.CreateTempSubdirectory("llama-abi-");
        try
        {
            var c = Path.Combine(dir.FullName, "probe.c");
            var exe = Path.Combine(dir.FullName, "probe");
            await File.WriteAllTextAsync(c, source);
            var args = new List<string> { "-std=c11", "-O0", "-I", IncludeDir, c, "-o", exe };
            if (link)
            {
                var native = NativeDir;
                args.AddRange([Path.Combine(native, "libllama.v0.5.0.so"), Path.Combine(native, "libggml.v0.5.0.so"), Path.Combine(native, "libggml-base.so"), $"-Wl,-rpath,{native}"]);
            }
            var (code, output, error) = await RunAsync("gcc", args);
            Assert.True(code == 0, $"gcc failed ({code}) — is gcc installed (image/dev/setup)? {error}");
            (code, output, error) = await RunAsync(exe, []);
            Assert.True(code == 0, $"probe failed ({code}): {error}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var err = p.StandardError.ReadToEndAsync();
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output, await err);
    }
}
