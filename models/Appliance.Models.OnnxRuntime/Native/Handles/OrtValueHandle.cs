using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtValue; released with OrtApi.ReleaseValue.</summary>
internal sealed unsafe class OrtValueHandle : SafeHandle
{
    public OrtValueHandle(OrtValue* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtValue* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtValue)) : (OrtValue*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseValue((OrtValue*)handle);
        return true;
    }
}
