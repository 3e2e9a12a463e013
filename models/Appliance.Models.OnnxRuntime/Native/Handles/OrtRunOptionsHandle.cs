using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtRunOptions; released with OrtApi.ReleaseRunOptions.</summary>
internal sealed unsafe class OrtRunOptionsHandle : SafeHandle
{
    public OrtRunOptionsHandle(OrtRunOptions* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtRunOptions* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtRunOptions)) : (OrtRunOptions*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseRunOptions((OrtRunOptions*)handle);
        return true;
    }
}
