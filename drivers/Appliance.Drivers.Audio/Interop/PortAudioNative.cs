using System.Runtime.InteropServices;

namespace Appliance.Drivers.Audio.Interop;

/// <summary>
/// 1:1 imports of the PortAudio v19 C API (portaudio.h) that we use, with its C names. Resolved by
/// <see cref="PortAudioRuntime"/>; nothing here loads the library. PaError is int; unsigned long
/// (frame counts, flags) is <see cref="CULong"/>; signed long is <see cref="CLong"/>.
/// </summary>
internal static unsafe partial class PortAudioNative
{
    public const string Library = "portaudio";

    public const int paNoError = 0;
    public const int paNotInitialized = -10000;
    public const int paUnanticipatedHostError = -9999;
    public const int paInvalidChannelCount = -9998;
    public const int paInvalidSampleRate = -9997;
    public const int paInvalidDevice = -9996;
    public const int paSampleFormatNotSupported = -9994;
    public const int paTimedOut = -9987;
    public const int paDeviceUnavailable = -9985;
    public const int paInputOverflowed = -9981;
    public const int paOutputUnderflowed = -9980;
    public const int paNoDevice = -1;
    public const int paALSA = 8;
    public const ulong paFloat32 = 0x00000001;
    public const ulong paInt16 = 0x00000008;
    public const ulong paClipOff = 0x00000001;
    public const ulong paDitherOff = 0x00000002;
    public const int paFormatIsSupported = 0;

    [LibraryImport(Library)]
    public static partial int Pa_GetVersion();

    [LibraryImport(Library)]
    public static partial byte* Pa_GetVersionText();

    [LibraryImport(Library)]
    public static partial byte* Pa_GetErrorText(int errorCode);

    [LibraryImport(Library)]
    public static partial int Pa_Initialize();

    [LibraryImport(Library)]
    public static partial int Pa_Terminate();

    [LibraryImport(Library)]
    public static partial int Pa_GetHostApiCount();

    [LibraryImport(Library)]
    public static partial PaHostApiInfo* Pa_GetHostApiInfo(int hostApi);

    [LibraryImport(Library)]
    public static partial int Pa_GetDeviceCount();

    [LibraryImport(Library)]
    public static partial int Pa_GetDefaultInputDevice();

    [LibraryImport(Library)]
    public static partial int Pa_GetDefaultOutputDevice();

    [LibraryImport(Library)]
    public static partial PaDeviceInfo* Pa_GetDeviceInfo(int device);

    [LibraryImport(Library)]
    public static partial int Pa_IsFormatSupported(PaStreamParameters* inputParameters, PaStreamParameters* outputParameters, double sampleRate);

    [LibraryImport(Library)]
    public static partial int Pa_OpenStream(IntPtr* stream, PaStreamParameters* inputParameters, PaStreamParameters* outputParameters,
        double sampleRate, CULong framesPerBuffer, CULong streamFlags, IntPtr streamCallback, IntPtr userData);

    [LibraryImport(Library)]
    public static partial int Pa_CloseStream(IntPtr stream);

    [LibraryImport(Library)]
    public static partial int Pa_StartStream(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial int Pa_StopStream(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial int Pa_AbortStream(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial PaStreamInfo* Pa_GetStreamInfo(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial double Pa_GetStreamTime(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial int Pa_ReadStream(PaStreamHandle stream, void* buffer, CULong frames);

    [LibraryImport(Library)]
    public static partial int Pa_WriteStream(PaStreamHandle stream, void* buffer, CULong frames);

    [LibraryImport(Library)]
    public static partial CLong Pa_GetStreamReadAvailable(PaStreamHandle stream);

    [LibraryImport(Library)]
    public static partial CLong Pa_GetStreamWriteAvailable(PaStreamHandle stream);

    public static string ErrorText(int error) => Marshal.PtrToStringUTF8((IntPtr)Pa_GetErrorText(error)) ?? $"PortAudio error {error}";
}
