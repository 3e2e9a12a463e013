using System.Runtime.InteropServices;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>
/// The few functions of sphinxbase (cmd_ln.h, err.h of libsphinxbase.so.3) the decoder set-up needs.
/// cmd_ln_init is variadic and cannot be imported; cmd_ln_parse_r takes an argv instead.
/// </summary>
internal static unsafe partial class SphinxBase
{
    public const string Library = "sphinxbase";

    /// <summary>cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout_cmdln, arg_t const *defn, int32 argc, char *argv[], int32 strict)</summary>
    [LibraryImport(Library)]
    public static partial IntPtr cmd_ln_parse_r(IntPtr inout_cmdln, IntPtr defn, int argc, byte** argv, int strict);

    /// <summary>int cmd_ln_free_r(cmd_ln_t *cmdln) — drops one reference.</summary>
    [LibraryImport(Library)]
    public static partial int cmd_ln_free_r(IntPtr cmdln);

    /// <summary>int err_set_logfile(const char *path) — appends the library's log to a file (process-wide).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int err_set_logfile(string path);

    /// <summary>void err_set_logfp(FILE *stream) — NULL disables logging (process-wide).</summary>
    [LibraryImport(Library)]
    public static partial void err_set_logfp(IntPtr stream);
}
