using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Appliance.Core.Native;
using Appliance.Models.Llama.Native;

namespace Appliance.Models.Llama;

/// <summary>
/// Explicit, once-per-process loading of llama.cpp: exact versioned libraries, a build check, the native
/// log route, then ONE CPU backend variant, then llama_backend_init. ggml cannot unload a CPU backend and
/// load another, so comparing variants needs one process per variant (see README: `llm generate --variant`).
/// </summary>
public static unsafe partial class LlamaRuntime
{
    private static readonly Lock Gate = new();
    private static LlamaBackendInfo? _info;

    /// <summary>What was loaded, or null before <see cref="Initialize"/>.</summary>
    public static LlamaBackendInfo? Info => _info;

    public static bool IsInitialized => _info is not null;

    /// <summary>
    /// Loads the engine (idempotent for the same variant). Throws <see cref="NativeLibraryLoadException"/>
    /// when a library is missing, <see cref="LlamaBuildMismatchException"/> for a different build, and
    /// <see cref="InvalidOperationException"/> when a different variant was already loaded in this process.
    /// </summary>
    public static LlamaBackendInfo Initialize(LlamaRuntimeOptions? options = null)
    {
        options ??= LlamaRuntimeOptions.Default;
        lock (Gate)
        {
            if (_info is not null)
            {
                if (!options.IsAuto && !string.Equals(options.CpuVariant, _info.Variant, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException(
                        $"CPU variant '{_info.Variant}' is already loaded in this process and cannot be switched to '{options.CpuVariant}'; " +
                        "run each variant in its own process (e.g. `appliance llm generate --variant NAME`).");
                }
                return _info;
            }
            _info = Load(options);
            return _info;
        }
    }

    /// <summary>Initialize with defaults unless already done (used by the high-level API).</summary>
    internal static LlamaBackendInfo EnsureInitialized() => _info ?? Initialize();

    /// <summary>CPU variants present in a folder (file names libggml-cpu-&lt;variant&gt;.so).</summary>
    public static IReadOnlyList<string> AvailableVariants(string? nativeDirectory = null)
    {
        var dir = nativeDirectory ?? AppliancePaths.NativeDirs("llama").FirstOrDefault(d => File.Exists(Path.Combine(d, LibraryNames.LlamaFile)));
        if (dir is null || !Directory.Exists(dir))
        {
            return [];
        }
        return Directory.GetFiles(dir, "libggml-cpu-*.so")
            .Select(f => VariantOf(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static LlamaBackendInfo Load(LlamaRuntimeOptions options)
    {
        IReadOnlyList<string> dirs = options.NativeDirectory is not null ? [options.NativeDirectory] : AppliancePaths.NativeDirs("llama");
        // Dependency order: libggml needs libggml-base, libllama needs both; all are found again by soname.
        var handles = new Dictionary<string, IntPtr>
        {
            [LibraryNames.GgmlBase] = NativeLibraryLoader.Load(LibraryNames.GgmlBaseFile, dirs.Select(d => Path.Combine(d, LibraryNames.GgmlBaseFile))),
            [LibraryNames.Ggml] = NativeLibraryLoader.Load(LibraryNames.GgmlFile, dirs.Select(d => Path.Combine(d, LibraryNames.GgmlFile))),
            [LibraryNames.Llama] = NativeLibraryLoader.Load(LibraryNames.LlamaFile, dirs.Select(d => Path.Combine(d, LibraryNames.LlamaFile))),
        };
        var dir = dirs.First(d => File.Exists(Path.Combine(d, LibraryNames.LlamaFile)));
        NativeLibraryLoader.Resolve(typeof(LlamaRuntime).Assembly, handles);

        var version = CheckBuild();
        if (options.Logger is not null)
        {
            LlamaLog.Logger = options.Logger;
        }
        LlamaLog.Install();

        var requested = options.IsAuto ? "auto" : options.CpuVariant!;
        if (options.IsAuto)
        {
            GgmlNative.ggml_backend_load_all_from_path(dir);
        }
        else
        {
            var path = Path.Combine(dir, $"libggml-cpu-{options.CpuVariant}.so");
            if (!File.Exists(path))
            {
                throw new ArgumentException(
                    $"unknown CPU variant '{options.CpuVariant}': {path} does not exist; available: {string.Join(", ", AvailableVariants(dir))}",
                    nameof(options));
            }
            if (GgmlNative.ggml_backend_load(path) == IntPtr.Zero)
            {
                throw new LlamaException($"ggml_backend_load({path}) returned NULL: this CPU cannot run the '{options.CpuVariant}' variant or the file is damaged; {LlamaLog.RecentErrors()}");
            }
        }
        if (GgmlNative.ggml_backend_dev_count() == 0)
        {
            throw new LlamaException($"no ggml CPU backend could be loaded from {dir}; {LlamaLog.RecentErrors()}");
        }
        LlamaNative.llama_backend_init();

        var cpuLibrary = FindMappedCpuLibrary() ?? "(unknown)";
        return new LlamaBackendInfo(
            VariantOf(cpuLibrary) ?? "unknown",
            requested,
            cpuLibrary,
            dir,
            Registries(),
            Devices(),
            CpuFeatures(),
            Utf8(LlamaNative.llama_print_system_info()).Trim(),
            version);
    }

    /// <summary>Compares the version/commit strings of the loaded libraries with the ones this mirror was written for.</summary>
    private static string CheckBuild()
    {
        string ggmlVersion, ggmlCommit, llamaVersion;
        try
        {
            ggmlVersion = Utf8(GgmlNative.ggml_version());
            ggmlCommit = Utf8(GgmlNative.ggml_commit());
            llamaVersion = Utf8(LlamaNative.llama_version());
        }
        catch (EntryPointNotFoundException e)
        {
            throw new LlamaBuildMismatchException($"the loaded llama.cpp lacks a version entry point ({e.Message}); this binding mirrors llama {LibraryNames.ExpectedLlamaVersion}, ggml {LibraryNames.ExpectedGgmlVersion} ({LibraryNames.ExpectedGgmlCommit})");
        }
        if (ggmlVersion != LibraryNames.ExpectedGgmlVersion || ggmlCommit != LibraryNames.ExpectedGgmlCommit || llamaVersion != LibraryNames.ExpectedLlamaVersion)
        {
            throw new LlamaBuildMismatchException(
                $"loaded llama {llamaVersion}, ggml {ggmlVersion} ({ggmlCommit}) but Native/ mirrors llama {LibraryNames.ExpectedLlamaVersion}, " +
                $"ggml {LibraryNames.ExpectedGgmlVersion} ({LibraryNames.ExpectedGgmlCommit}); struct layouts would not match. Re-run image/dev/setup.");
        }
        // Second line of defence: C's defaults read through our struct must look like C's defaults.
        var ctx = LlamaNative.llama_context_default_params();
        if (ctx.n_batch < ctx.n_ubatch || ctx.n_ubatch == 0 || ctx.no_perf is not (0 or 1) || ctx.kv_unified is not (0 or 1))
        {
            throw new LlamaBuildMismatchException("llama_context_default_params() does not fit the mirrored llama_context_params layout");
        }
        return $"llama {llamaVersion}, ggml {ggmlVersion} ({ggmlCommit})";
    }

    private static List<string> Registries()
    {
        var list = new List<string>();
        for (nuint i = 0; i < GgmlNative.ggml_backend_reg_count(); i++)
        {
            list.Add(RegName(GgmlNative.ggml_backend_reg_get(i)));
        }
        return list;
    }

    private static unsafe List<string> Devices()
    {
        var list = new List<string>();
        for (nuint i = 0; i < GgmlNative.ggml_backend_dev_count(); i++)
        {
            var dev = GgmlNative.ggml_backend_dev_get(i);
            list.Add($"{Utf8(GgmlNative.ggml_backend_dev_name(dev))}: {Utf8(GgmlNative.ggml_backend_dev_description(dev)).Trim()}");
        }
        return list;
    }

    private static unsafe Dictionary<string, string> CpuFeatures()
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        for (nuint i = 0; i < GgmlNative.ggml_backend_reg_count(); i++)
        {
            var reg = GgmlNative.ggml_backend_reg_get(i);
            var fn = GgmlNative.ggml_backend_reg_get_proc_address(reg, "ggml_backend_get_features");
            if (fn == IntPtr.Zero)
            {
                continue;
            }
            var list = ((delegate* unmanaged[Cdecl]<IntPtr, ggml_backend_feature*>)fn)(reg);
            for (var f = list; f is not null && f->name is not null; f++)
            {
                features[Utf8(f->name)] = Utf8(f->value);
            }
        }
        return features;
    }

    private static unsafe string RegName(IntPtr reg) => Utf8(GgmlNative.ggml_backend_reg_name(reg));

    /// <summary>The CPU backend library actually mapped into this process (the one ggml kept).</summary>
    private static string? FindMappedCpuLibrary()
    {
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
                .FirstOrDefault(p => p is not null && CpuLibraryName().IsMatch(Path.GetFileName(p)));
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static string? VariantOf(string path)
    {
        var m = CpuLibraryName().Match(Path.GetFileName(path));
        return m.Success ? m.Groups[1].Value : null;
    }

    internal static unsafe string Utf8(byte* s) => s is null ? "" : Marshal.PtrToStringUTF8((IntPtr)s) ?? "";

    [GeneratedRegex(@"^libggml-cpu-([a-z0-9_]+)\.so$")]
    private static partial Regex CpuLibraryName();
}
