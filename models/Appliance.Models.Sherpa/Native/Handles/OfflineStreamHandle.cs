using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxOfflineStream; released with SherpaOnnxDestroyOfflineStream.</summary>
internal sealed class OfflineStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OfflineStreamHandle()
        : base(ownsHandle: true)
    {
    }

    internal OfflineStreamHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyOfflineStream(handle);
        return true;
    }
}
