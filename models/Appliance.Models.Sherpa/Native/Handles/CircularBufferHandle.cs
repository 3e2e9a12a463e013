using Microsoft.Win32.SafeHandles;

namespace Appliance.Models.Sherpa.Native;

/// <summary>Owns one SherpaOnnxCircularBuffer; released with SherpaOnnxDestroyCircularBuffer.</summary>
internal sealed class CircularBufferHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CircularBufferHandle()
        : base(ownsHandle: true)
    {
    }

    internal CircularBufferHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        SherpaOnnx.SherpaOnnxDestroyCircularBuffer(handle);
        return true;
    }
}
