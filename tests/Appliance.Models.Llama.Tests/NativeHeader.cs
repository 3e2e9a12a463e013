using Appliance.Core.Native;
using Appliance.TestSupport;

namespace Appliance.Models.Llama.Tests;

/// <summary>
/// Compiles and runs a small C program against the real llama.h of the build we bind
/// (.cache/include/llama, installed by image/dev/setup with gcc) through <see cref="NativeProbe"/>, returning its stdout lines.
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
    public static string[] CompileAndRun(string source, bool link)
    {
        var args = new List<string> { "-I", IncludeDir };
        if (link)
        {
            var native = NativeDir;
            args.AddRange([Path.Combine(native, "libllama.v0.5.0.so"), Path.Combine(native, "libggml.v0.5.0.so"), Path.Combine(native, "libggml-base.so"), $"-Wl,-rpath,{native}"]);
        }
        return NativeProbe.Output(source, args).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
