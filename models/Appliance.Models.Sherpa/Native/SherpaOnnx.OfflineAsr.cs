using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Offline (non-streaming) recognizer functions of c-api.h.</summary>
internal static unsafe partial class SherpaOnnx
{
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateOfflineRecognizer(SherpaOnnxOfflineRecognizerConfig* config);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOfflineRecognizer(IntPtr recognizer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateOfflineStream(OfflineRecognizerHandle recognizer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOfflineStream(IntPtr stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxAcceptWaveformOffline(OfflineStreamHandle stream, int sample_rate, float* samples, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDecodeOfflineStream(OfflineRecognizerHandle recognizer, OfflineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial SherpaOnnxOfflineRecognizerResult* SherpaOnnxGetOfflineStreamResult(OfflineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOfflineRecognizerResult(SherpaOnnxOfflineRecognizerResult* r);
}
