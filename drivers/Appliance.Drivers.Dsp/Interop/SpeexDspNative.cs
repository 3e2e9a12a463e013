using System.Runtime.InteropServices;

namespace Appliance.Drivers.Dsp.Interop;

/// <summary>
/// 1:1 imports of the speexdsp functions we use (speex_echo.h, speex_preprocess.h, speex_resampler.h of
/// libspeexdsp 1.2.1). spx_int16_t is short, spx_uint32_t is uint. The library is resolved by
/// <see cref="SpeexDsp.Initialize"/>; nothing here loads it.
/// </summary>
internal static unsafe partial class SpeexDspNative
{
    public const string Library = "speexdsp";

    // speex_echo.h
    [LibraryImport(Library)]
    public static partial EchoStateHandle speex_echo_state_init(int frame_size, int filter_length);

    [LibraryImport(Library)]
    public static partial void speex_echo_state_destroy(IntPtr st);

    [LibraryImport(Library)]
    public static partial void speex_echo_cancellation(EchoStateHandle st, short* rec, short* play, short* @out);

    [LibraryImport(Library)]
    public static partial void speex_echo_state_reset(EchoStateHandle st);

    [LibraryImport(Library)]
    public static partial int speex_echo_ctl(EchoStateHandle st, int request, void* ptr);

    // speex_preprocess.h
    [LibraryImport(Library)]
    public static partial PreprocessStateHandle speex_preprocess_state_init(int frame_size, int sampling_rate);

    [LibraryImport(Library)]
    public static partial void speex_preprocess_state_destroy(IntPtr st);

    [LibraryImport(Library)]
    public static partial int speex_preprocess_run(PreprocessStateHandle st, short* x);

    [LibraryImport(Library)]
    public static partial int speex_preprocess_ctl(PreprocessStateHandle st, int request, void* ptr);

    // speex_resampler.h
    [LibraryImport(Library)]
    public static partial ResamplerHandle speex_resampler_init(uint nb_channels, uint in_rate, uint out_rate, int quality, int* err);

    [LibraryImport(Library)]
    public static partial void speex_resampler_destroy(IntPtr st);

    [LibraryImport(Library)]
    public static partial int speex_resampler_process_interleaved_float(ResamplerHandle st, float* @in, uint* in_len, float* @out, uint* out_len);

    [LibraryImport(Library)]
    public static partial int speex_resampler_get_output_latency(ResamplerHandle st);

    [LibraryImport(Library)]
    public static partial int speex_resampler_skip_zeros(ResamplerHandle st);

    [LibraryImport(Library)]
    public static partial byte* speex_resampler_strerror(int err);
}
