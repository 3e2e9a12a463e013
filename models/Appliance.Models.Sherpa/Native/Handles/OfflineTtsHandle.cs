using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxOfflineTts; released with SherpaOnnxDestroyOfflineTts.</summary>
internal sealed class OfflineTtsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OfflineTtsHandle()
        : base(ownsHandle: true)
    {
    }

    internal OfflineTtsHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyOfflineTts(handle);
        return true;
    }
}
