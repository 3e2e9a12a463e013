using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtSession; released with OrtApi.ReleaseSession.</summary>
internal sealed unsafe class OrtSessionHandle : SafeHandle
{
    public OrtSessionHandle(OrtSession* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtSession* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtSession)) : (OrtSession*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseSession((OrtSession*)handle);
        return true;
    }
}
