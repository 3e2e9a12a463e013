using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Streaming recognizer functions of c-api.h (the keyword spotter shares its stream type).</summary>
internal static unsafe partial class SherpaOnnx
{
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateOnlineRecognizer(SherpaOnnxOnlineRecognizerConfig* config);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOnlineRecognizer(IntPtr recognizer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateOnlineStream(OnlineRecognizerHandle recognizer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOnlineStream(IntPtr stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxOnlineStreamAcceptWaveform(OnlineStreamHandle stream, int sample_rate, float* samples, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxIsOnlineStreamReady(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDecodeOnlineStream(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial SherpaOnnxOnlineRecognizerResult* SherpaOnnxGetOnlineStreamResult(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOnlineRecognizerResult(SherpaOnnxOnlineRecognizerResult* r);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxOnlineStreamReset(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxOnlineStreamInputFinished(OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxOnlineStreamIsEndpoint(OnlineRecognizerHandle recognizer, OnlineStreamHandle stream);
}
