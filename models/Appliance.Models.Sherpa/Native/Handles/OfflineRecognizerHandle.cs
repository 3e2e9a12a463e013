using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxOfflineRecognizer; released with SherpaOnnxDestroyOfflineRecognizer.</summary>
internal sealed class OfflineRecognizerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OfflineRecognizerHandle()
        : base(ownsHandle: true)
    {
    }

    internal OfflineRecognizerHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyOfflineRecognizer(handle);
        return true;
    }
}
