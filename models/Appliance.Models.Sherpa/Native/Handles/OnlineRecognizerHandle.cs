using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxOnlineRecognizer; released with SherpaOnnxDestroyOnlineRecognizer.</summary>
internal sealed class OnlineRecognizerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OnlineRecognizerHandle()
        : base(ownsHandle: true)
    {
    }

    internal OnlineRecognizerHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyOnlineRecognizer(handle);
        return true;
    }
}
