using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Voice activity detector and circular buffer functions of c-api.h.</summary>
internal static unsafe partial class SherpaOnnx
{
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateVoiceActivityDetector(SherpaOnnxVadModelConfig* config, float buffer_size_in_seconds);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyVoiceActivityDetector(IntPtr p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxVoiceActivityDetectorAcceptWaveform(VoiceActivityDetectorHandle p, float* samples, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxVoiceActivityDetectorEmpty(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxVoiceActivityDetectorDetected(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxVoiceActivityDetectorPop(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxVoiceActivityDetectorClear(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial SherpaOnnxSpeechSegment* SherpaOnnxVoiceActivityDetectorFront(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroySpeechSegment(SherpaOnnxSpeechSegment* p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxVoiceActivityDetectorReset(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxVoiceActivityDetectorFlush(VoiceActivityDetectorHandle p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateCircularBuffer(int capacity);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyCircularBuffer(IntPtr buffer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxCircularBufferPush(CircularBufferHandle buffer, float* p, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial float* SherpaOnnxCircularBufferGet(CircularBufferHandle buffer, int start_index, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxCircularBufferFree(float* p);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxCircularBufferPop(CircularBufferHandle buffer, int n);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxCircularBufferSize(CircularBufferHandle buffer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxCircularBufferHead(CircularBufferHandle buffer);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxCircularBufferReset(CircularBufferHandle buffer);
}
