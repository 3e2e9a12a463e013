using System.Runtime.InteropServices;
using Appliance.Core.Native;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>
/// Loads libsphinxbase.so.3 and libpocketsphinx.so.3 (Debian bookworm's pocketsphinx 5prealpha) explicitly
/// and checks that the loaded build exposes the API this binding mirrors. Call <see cref="Initialize"/>
/// before anything else; a failure is an ordinary exception that names every path tried.
/// </summary>
public static class PocketSphinxLibrary
{
    /// <summary>The sonames we mirror; pocketsphinx 5.0 (libpocketsphinx.so.5) changed the whole API.</summary>
    public const string SphinxBaseSoname = "libsphinxbase.so.3";
    public const string PocketSphinxSoname = "libpocketsphinx.so.3";

    /// <summary>The upstream version Debian ships under that soname (pocketsphinx.pc: "Version: 5prealpha").</summary>
    public const string MirroredVersion = "5prealpha";

    // Every function Native/ imports, plus ps_start_stream (added in 5prealpha): all must be exported.
    private static readonly string[] RequiredPocketSphinxExports =
    [
        "ps_args", "ps_init", "ps_free", "ps_start_utt", "ps_process_raw", "ps_end_utt", "ps_get_hyp",
        "ps_get_prob", "ps_add_word", "ps_lookup_word", "ps_get_n_frames", "ps_start_stream",
    ];

    // Exported by pocketsphinx >= 5.0 only; finding one means a different API than the one mirrored here.
    private static readonly string[] ForeignPocketSphinxExports = ["ps_config_init", "ps_config_set_str"];

    private static readonly string[] RequiredSphinxBaseExports = ["cmd_ln_parse_r", "cmd_ln_free_r", "err_set_logfile", "err_set_logfp"];

    private static readonly Lock Gate = new();
    private static IntPtr pocketSphinx;
    private static IntPtr sphinxBase;

    public static bool IsInitialized { get; private set; }

    /// <summary>Where each library was loaded from (for `paths`-style diagnostics).</summary>
    public static string Description { get; private set; } = "not loaded";

    /// <summary>Loads both libraries once; later calls return at once.</summary>
    /// <exception cref="NativeLibraryLoadException">A library is missing.</exception>
    /// <exception cref="PocketSphinxException">The loaded build is not the API mirrored here.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (IsInitialized)
            {
                return;
            }
            // sphinxbase first: pocketsphinx needs it, and loading it from the same folder keeps the pair matched.
            var sb = NativeLibraryLoader.Load(SphinxBaseSoname, Candidates(SphinxBaseSoname));
            var ps = NativeLibraryLoader.Load(PocketSphinxSoname, Candidates(PocketSphinxSoname));
            CheckExports(sb, SphinxBaseSoname, RequiredSphinxBaseExports, []);
            CheckExports(ps, PocketSphinxSoname, RequiredPocketSphinxExports, ForeignPocketSphinxExports);
            sphinxBase = sb;
            pocketSphinx = ps;
            NativeLibraryLoader.Resolve(typeof(PocketSphinxLibrary).Assembly, new Dictionary<string, IntPtr>
            {
                [SphinxBase.Library] = sphinxBase,
                [PocketSphinxApi.Library] = pocketSphinx,
            });
            Description = $"pocketsphinx {MirroredVersion} ({PocketSphinxSoname} + {SphinxBaseSoname})";
            IsInitialized = true;
        }
    }

    internal static void EnsureInitialized()
    {
        if (!IsInitialized)
        {
            throw new InvalidOperationException("PocketSphinxLibrary.Initialize() has not been called");
        }
    }

    private static IEnumerable<string> Candidates(string soname) =>
        AppliancePaths.NativeDirs("pocketsphinx").Select(d => Path.Combine(d, soname)).Append(soname);

    private static void CheckExports(IntPtr library, string soname, string[] required, string[] foreign)
    {
        var missing = required.Where(name => !NativeLibrary.TryGetExport(library, name, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new PocketSphinxException($"{soname} is not pocketsphinx {MirroredVersion}: it lacks {string.Join(", ", missing)}");
        }
        var unexpected = foreign.Where(name => NativeLibrary.TryGetExport(library, name, out _)).ToList();
        if (unexpected.Count > 0)
        {
            throw new PocketSphinxException($"{soname} exports {string.Join(", ", unexpected)}: a newer pocketsphinx API than the {MirroredVersion} one this binding mirrors");
        }
    }
}
