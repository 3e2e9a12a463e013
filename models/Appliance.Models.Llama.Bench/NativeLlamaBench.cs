using System.Diagnostics;
using Appliance.Core.Native;

namespace Appliance.Models.Llama.Bench;

/// <summary>
/// The native C reference (native/llama_bench.c), compiled with gcc at bench time against the llama.cpp
/// headers of this exact build (.cache/include/llama) and linked to the same library files the binding
/// loads; the binary lives in .cache/bench and is rebuilt when the source changes.
/// </summary>
public static class NativeLlamaBench
{
    public static string SourcePath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "native", "llama_bench.c");
        if (File.Exists(beside))
        {
            return beside;
        }
        var repo = AppliancePaths.FindRepositoryRoot();
        var inRepo = repo is null ? null : Path.Combine(repo, "models", "Appliance.Models.Llama.Bench", "native", "llama_bench.c");
        return inRepo is not null && File.Exists(inRepo) ? inRepo : throw new FileNotFoundException("llama_bench.c not found beside the program or in the checkout");
    }

    public static string LibraryDirectory() =>
        AppliancePaths.NativeDirs("llama").FirstOrDefault(d => File.Exists(Path.Combine(d, "libllama.v0.5.0.so")))
        ?? throw new DirectoryNotFoundException("libllama.v0.5.0.so not found; run image/dev/setup");

    /// <summary>Builds (if needed) and returns the path of the reference binary.</summary>
    public static string Build()
    {
        var cache = AppliancePaths.FindCacheRoot() ?? throw new DirectoryNotFoundException("no .cache found; run image/dev/setup");
        var include = Path.Combine(cache, "include", "llama");
        if (!File.Exists(Path.Combine(include, "llama.h")))
        {
            throw new FileNotFoundException($"{include}/llama.h missing; run image/dev/setup");
        }
        var source = SourcePath();
        var libDir = LibraryDirectory();
        var outDir = Path.Combine(cache, "bench");
        Directory.CreateDirectory(outDir);
        var binary = Path.Combine(outDir, "llama_bench");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-O2", "-Wall", "-o", binary, source, $"-I{include}", $"-L{libDir}",
                     "-l:libllama.v0.5.0.so", "-l:libggml.v0.5.0.so", "-l:libggml-base.so", $"-Wl,-rpath,{libDir}" })
        {
            gcc.ArgumentList.Add(a);
        }
        using var p = Process.Start(gcc) ?? throw new InvalidOperationException("cannot start gcc (apt-get install gcc)");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"gcc failed to build {source}: {err}");
        }
        return binary;
    }

    public static Task<LlmRunResult> RunAsync(string binary, LlmRunSpec spec, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(binary, new[] { "--lib-dir", LibraryDirectory() }.Concat(spec.ToArguments()), "native-c", spec, timeout ?? TimeSpan.FromMinutes(10));
}
