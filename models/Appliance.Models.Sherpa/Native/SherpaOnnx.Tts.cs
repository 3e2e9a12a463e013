using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Offline TTS functions of c-api.h (only the non-deprecated generate entry point).</summary>
internal static unsafe partial class SherpaOnnx
{
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateOfflineTts(SherpaOnnxOfflineTtsConfig* config);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOfflineTts(IntPtr tts);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxOfflineTtsSampleRate(OfflineTtsHandle tts);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxOfflineTtsNumSpeakers(OfflineTtsHandle tts);

    /// <summary>
    /// callback is SherpaOnnxGeneratedAudioProgressCallbackWithArg:
    /// int32_t (*)(const float *samples, int32_t n, float p, void *arg); return 1 to go on, 0 to stop.
    /// </summary>
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial SherpaOnnxGeneratedAudio* SherpaOnnxOfflineTtsGenerateWithConfig(
        OfflineTtsHandle tts,
        byte* text,
        SherpaOnnxGenerationConfig* config,
        delegate* unmanaged<float*, int, float, void*, int> callback,
        void* arg);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyOfflineTtsGeneratedAudio(SherpaOnnxGeneratedAudio* p);
}
