using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxOnlineStream (also the keyword spotter's stream); released with SherpaOnnxDestroyOnlineStream.</summary>
internal sealed class OnlineStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OnlineStreamHandle()
        : base(ownsHandle: true)
    {
    }

    internal OnlineStreamHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyOnlineStream(handle);
        return true;
    }
}
