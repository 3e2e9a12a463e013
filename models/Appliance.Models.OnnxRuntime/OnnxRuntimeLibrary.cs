using System.Runtime.InteropServices;
using Appliance.Core.Native;
using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime;

/// <summary>
/// Loads libonnxruntime.so (the build shipped inside sherpa-onnx-linux-x64 1.13.4) from the sherpa native
/// folders and checks that it is the build this binding mirrors. Call <see cref="Initialize"/> once at
/// start-up; it is idempotent, thread-safe, and a failure can be retried.
/// </summary>
public static unsafe class OnnxRuntimeLibrary
{
    /// <summary>The exact file name we load (the npm package ships it unversioned).</summary>
    public const string FileName = "libonnxruntime.so";

    /// <summary>The release whose OrtApi table this binding mirrors.</summary>
    public const string ExpectedVersion = "1.27.0";

    /// <summary>ORT_API_VERSION of that release (the highest GetApi accepts).</summary>
    public const uint ApiVersion = 27;

    private static readonly Lock Gate = new();
    private static IntPtr handle;
    private static bool resolverInstalled;
    private static string? version;

    /// <summary>The loaded library's GetVersionString(), once initialised.</summary>
    public static string Version => version ?? throw new InvalidOperationException("ONNX Runtime is not initialised; call OnnxRuntimeLibrary.Initialize() first");

    /// <summary>Where the library was looked for, most specific first.</summary>
    public static IReadOnlyList<string> Candidates() =>
        AppliancePaths.NativeDirs("sherpa").Select(d => Path.Combine(d, FileName)).ToList();

    /// <exception cref="NativeLibraryLoadException">The library is in none of the expected places.</exception>
    /// <exception cref="InvalidOperationException">The library is another build than the one mirrored.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (OrtNative.IsReady)
            {
                return;
            }
            if (handle == IntPtr.Zero)
            {
                handle = NativeLibraryLoader.Load(FileName, Candidates());
            }
            if (!resolverInstalled)
            {
                NativeLibraryLoader.Resolve(typeof(OrtNative).Assembly, new Dictionary<string, IntPtr> { [OrtNative.LibraryName] = handle });
                resolverInstalled = true;
            }
            var apiBase = OrtNative.OrtGetApiBase();
            if (apiBase == null)
            {
                throw new InvalidOperationException($"{FileName}: OrtGetApiBase() returned NULL");
            }
            var found = Marshal.PtrToStringUTF8((IntPtr)apiBase->GetVersionString()) ?? "";
            // The OrtApi prefix we mirror is append-only, but a different build may differ in behaviour
            // and was never tested here: refuse it instead of risking a crash deep inside a session.
            if (found != ExpectedVersion)
            {
                throw new InvalidOperationException(
                    $"{FileName} is ONNX Runtime {found}, but this binding mirrors {ExpectedVersion} (ORT_API_VERSION {ApiVersion}); run image/dev/setup");
            }
            var table = apiBase->GetApi(ApiVersion);
            if (table == null)
            {
                throw new InvalidOperationException($"{FileName} {found} does not offer ORT_API_VERSION {ApiVersion}");
            }
            version = found;
            OrtNative.SetApi(table);
        }
    }

    /// <summary>Address of the loaded library's OrtGetApiBase (tests compare API slots against the symbol table).</summary>
    internal static IntPtr ExportAddress(string name)
    {
        Initialize();
        return NativeLibrary.GetExport(handle, name);
    }
}
