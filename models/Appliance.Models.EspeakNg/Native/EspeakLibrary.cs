using System.Runtime.InteropServices;
using Appliance.Core.Native;

namespace Appliance.Models.EspeakNg.Native;

/// <summary>
/// Loads libespeak-ng.so.1 explicitly and checks it is the 1.51 build whose speak_lib.h (API revision 12)
/// this binding mirrors. Loading only maps the library; the engine itself starts in <see cref="EspeakOwner"/>.
/// </summary>
public static class EspeakLibrary
{
    public const string Soname = "libespeak-ng.so.1";

    /// <summary>The version whose header Native/ mirrors (Debian bookworm: 1.51+dfsg).</summary>
    public const string MirroredVersion = "1.51";

    private static readonly Lock Gate = new();

    public static bool IsInitialized { get; private set; }

    /// <summary>The version string the loaded library reports (espeak_Info).</summary>
    public static string Version { get; private set; } = "not loaded";

    /// <exception cref="NativeLibraryLoadException">The library is missing.</exception>
    /// <exception cref="EspeakException">The loaded build is not the one mirrored here.</exception>
    public static unsafe void Initialize()
    {
        lock (Gate)
        {
            if (IsInitialized)
            {
                return;
            }
            var handle = NativeLibraryLoader.Load(Soname,
                AppliancePaths.NativeDirs("espeak-ng").Select(d => Path.Combine(d, Soname)).Append(Soname));
            NativeLibraryLoader.Resolve(typeof(EspeakLibrary).Assembly, new Dictionary<string, IntPtr> { [SpeakLib.Library] = handle });
            // espeak_Info only returns static strings, so it is safe before espeak_Initialize.
            var version = Marshal.PtrToStringUTF8((IntPtr)SpeakLib.espeak_Info(null)) ?? string.Empty;
            if (!version.StartsWith(MirroredVersion, StringComparison.Ordinal))
            {
                throw new EspeakException($"{Soname} reports version '{version}', but this binding mirrors speak_lib.h of espeak-ng {MirroredVersion}");
            }
            Version = version;
            IsInitialized = true;
        }
    }
}
