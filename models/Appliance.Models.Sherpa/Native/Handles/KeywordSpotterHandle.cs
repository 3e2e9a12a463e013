using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxKeywordSpotter; released with SherpaOnnxDestroyKeywordSpotter.</summary>
internal sealed class KeywordSpotterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public KeywordSpotterHandle()
        : base(ownsHandle: true)
    {
    }

    internal KeywordSpotterHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyKeywordSpotter(handle);
        return true;
    }
}
