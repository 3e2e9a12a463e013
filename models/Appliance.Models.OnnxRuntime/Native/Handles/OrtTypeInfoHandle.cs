using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtTypeInfo; released with OrtApi.ReleaseTypeInfo.</summary>
internal sealed unsafe class OrtTypeInfoHandle : SafeHandle
{
    public OrtTypeInfoHandle(OrtTypeInfo* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtTypeInfo* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtTypeInfo)) : (OrtTypeInfo*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseTypeInfo((OrtTypeInfo*)handle);
        return true;
    }
}
