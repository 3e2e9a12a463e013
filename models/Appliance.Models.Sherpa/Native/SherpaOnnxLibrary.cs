using System.Runtime.InteropServices;
using Appliance.Core.Native;

namespace Appliance.Models.Sherpa.Native;

/// <summary>
/// Loads libonnxruntime.so and libsherpa-onnx-c-api.so (npm sherpa-onnx-linux-x64@1.13.4) from the
/// engine folders and checks that the build is the one the structs in this assembly mirror. Call
/// <see cref="Initialize"/> before any other use; it is idempotent and thread-safe.
/// </summary>
public static class SherpaOnnxLibrary
{
    /// <summary>The import name every [LibraryImport] in this assembly uses.</summary>
    internal const string Name = "sherpa-onnx-c-api";

    /// <summary>The version whose c-api.h the structs mirror (tag v1.13.4).</summary>
    public const string ExpectedVersion = "1.13.4";

    private static readonly Lock Gate = new();
    private static string? loadedFrom;

    /// <summary>The folder the libraries were loaded from, or null before <see cref="Initialize"/>.</summary>
    public static string? LoadedFrom => loadedFrom;

    /// <summary>Version string reported by the loaded library.</summary>
    public static string Version { get; private set; } = string.Empty;

    /// <summary>Git commit of the loaded build, when the library exports it.</summary>
    public static string GitSha1 { get; private set; } = string.Empty;

    /// <exception cref="NativeLibraryLoadException">The libraries are not where they are expected.</exception>
    /// <exception cref="SherpaVersionMismatchException">A different sherpa-onnx build was found.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (loadedFrom is not null)
            {
                return;
            }
            var dirs = AppliancePaths.NativeDirs("sherpa");
            // onnxruntime first, from the same folders: the C API library finds it by soname, and an
            // onnxruntime of another version elsewhere on the system must not win.
            NativeLibraryLoader.Load("libonnxruntime.so", dirs.Select(d => Path.Combine(d, "libonnxruntime.so")));
            var handle = NativeLibraryLoader.Load("libsherpa-onnx-c-api.so", dirs.Select(d => Path.Combine(d, "libsherpa-onnx-c-api.so")));
            NativeLibraryLoader.Resolve(typeof(SherpaOnnxLibrary).Assembly, new Dictionary<string, IntPtr> { [Name] = handle });

            Version = ReadVersion(handle, "SherpaOnnxGetVersionStr") ?? string.Empty;
            GitSha1 = ReadVersion(handle, "SherpaOnnxGetGitSha1") ?? string.Empty;
            if (Version != ExpectedVersion)
            {
                throw new SherpaVersionMismatchException(ExpectedVersion, Version);
            }
            loadedFrom = dirs.First(d => File.Exists(Path.Combine(d, "libsherpa-onnx-c-api.so")));
        }
    }

    // Looked up by name rather than imported so that a library lacking the export is reported as a
    // version mismatch instead of an EntryPointNotFoundException somewhere later.
    private static unsafe string? ReadVersion(IntPtr library, string export)
    {
        if (!NativeLibrary.TryGetExport(library, export, out var fn))
        {
            return null;
        }
        var text = ((delegate* unmanaged<byte*>)fn)();
        return text is null ? null : Marshal.PtrToStringUTF8((IntPtr)text);
    }
}
