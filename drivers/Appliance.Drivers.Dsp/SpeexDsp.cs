using System.Runtime.InteropServices;
using Appliance.Core.Native;
using Appliance.Drivers.Dsp.Interop;

namespace Appliance.Drivers.Dsp;

/// <summary>
/// Loads libspeexdsp.so.1 (Debian libspeexdsp1, 1.2.x) explicitly. speexdsp has no version function, so
/// the start-up check is the soname plus every entry point we import being present: a different
/// major (another soname) or a trimmed build fails here with a clear message, not later with a crash.
/// </summary>
public static class SpeexDsp
{
    public const string FileName = "libspeexdsp.so.1";

    private static readonly Lock Gate = new();
    private static IntPtr handle;

    /// <summary>Symbols the binding imports; all must be exported by the loaded build.</summary>
    internal static readonly string[] RequiredExports =
    [
        "speex_echo_state_init", "speex_echo_state_destroy", "speex_echo_cancellation", "speex_echo_state_reset",
        "speex_echo_ctl", "speex_preprocess_state_init", "speex_preprocess_state_destroy", "speex_preprocess_run",
        "speex_preprocess_ctl", "speex_resampler_init", "speex_resampler_destroy",
        "speex_resampler_process_interleaved_float", "speex_resampler_get_output_latency",
        "speex_resampler_skip_zeros", "speex_resampler_strerror",
    ];

    public static string? LoadedFrom { get; private set; }

    /// <summary>Idempotent; throws <see cref="NativeLibraryLoadException"/> naming every path tried.</summary>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (handle != IntPtr.Zero)
            {
                return;
            }
            var candidates = AppliancePaths.NativeDirs("speexdsp").Select(d => Path.Combine(d, FileName)).Append(FileName).ToList();
            var loaded = NativeLibraryLoader.Load(FileName, candidates);
            var missing = RequiredExports.Where(name => !NativeLibrary.TryGetExport(loaded, name, out _)).ToList();
            if (missing.Count > 0)
            {
                NativeLibrary.Free(loaded);
                throw new InvalidOperationException(
                    $"{FileName} is not the speexdsp 1.2 build this binding mirrors: missing {string.Join(", ", missing)}");
            }
            NativeLibraryLoader.Resolve(typeof(SpeexDsp).Assembly, new Dictionary<string, IntPtr> { [SpeexDspNative.Library] = loaded });
            handle = loaded;
            LoadedFrom = candidates.FirstOrDefault(File.Exists) ?? FileName;
        }
    }
}
