using System.Runtime.InteropServices;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Keyword spotter functions of c-api.h.</summary>
internal static unsafe partial class SherpaOnnx
{
    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateKeywordSpotter(SherpaOnnxKeywordSpotterConfig* config);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyKeywordSpotter(IntPtr spotter);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial IntPtr SherpaOnnxCreateKeywordStream(KeywordSpotterHandle spotter);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial int SherpaOnnxIsKeywordStreamReady(KeywordSpotterHandle spotter, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDecodeKeywordStream(KeywordSpotterHandle spotter, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxResetKeywordStream(KeywordSpotterHandle spotter, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial SherpaOnnxKeywordResult* SherpaOnnxGetKeywordResult(KeywordSpotterHandle spotter, OnlineStreamHandle stream);

    [LibraryImport(SherpaOnnxLibrary.Name)]
    internal static partial void SherpaOnnxDestroyKeywordResult(SherpaOnnxKeywordResult* r);
}
