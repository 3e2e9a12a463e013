using System.Runtime.InteropServices;

namespace Appliance.Models.PocketSphinx.Native;

/// <summary>
/// pocketsphinx.h / ps_search.h of pocketsphinx 5prealpha (Debian libpocketsphinx3, soname
/// libpocketsphinx.so.3). Names and argument types are the header's; int32 is int, C bool results are int.
/// No struct of this API crosses the boundary by value: every object is opaque.
/// </summary>
internal static unsafe partial class PocketSphinxApi
{
    public const string Library = "pocketsphinx";

    /// <summary>arg_t const *ps_args(void) — the argument definitions cmd_ln_parse_r needs.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr ps_args();

    /// <summary>ps_decoder_t *ps_init(cmd_ln_t *config) — NULL when a model file is missing or invalid.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr ps_init(IntPtr config);

    /// <summary>int ps_free(ps_decoder_t *ps)</summary>
    [LibraryImport(Library)]
    public static partial int ps_free(IntPtr ps);

    /// <summary>int ps_start_utt(ps_decoder_t *ps)</summary>
    [LibraryImport(Library)]
    public static partial int ps_start_utt(SafeDecoderHandle ps);

    /// <summary>int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt)</summary>
    [LibraryImport(Library)]
    public static partial int ps_process_raw(SafeDecoderHandle ps, short* data, nuint n_samples, int no_search, int full_utt);

    /// <summary>int ps_end_utt(ps_decoder_t *ps)</summary>
    [LibraryImport(Library)]
    public static partial int ps_end_utt(SafeDecoderHandle ps);

    /// <summary>char const *ps_get_hyp(ps_decoder_t *ps, int32 *out_best_score) — owned by the decoder, NULL if none.</summary>
    [LibraryImport(Library)]
    public static partial byte* ps_get_hyp(SafeDecoderHandle ps, int* out_best_score);

    /// <summary>int32 ps_get_prob(ps_decoder_t *ps) — log posterior of the best hypothesis (needs -bestpath).</summary>
    [LibraryImport(Library)]
    public static partial int ps_get_prob(SafeDecoderHandle ps);

    /// <summary>int ps_add_word(ps_decoder_t *ps, char const *word, char const *phones, int update)</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_add_word(SafeDecoderHandle ps, string word, string phones, int update);

    /// <summary>char *ps_lookup_word(ps_decoder_t *ps, const char *word) — caller frees; NULL when unknown.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ps_lookup_word(SafeDecoderHandle ps, string word);

    /// <summary>int ps_get_n_frames(ps_decoder_t *ps) — frames (10 ms) processed in this utterance.</summary>
    [LibraryImport(Library)]
    public static partial int ps_get_n_frames(SafeDecoderHandle ps);
}
