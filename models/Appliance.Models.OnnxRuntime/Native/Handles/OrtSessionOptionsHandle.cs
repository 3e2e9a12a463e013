using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtSessionOptions; released with OrtApi.ReleaseSessionOptions.</summary>
internal sealed unsafe class OrtSessionOptionsHandle : SafeHandle
{
    public OrtSessionOptionsHandle(OrtSessionOptions* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtSessionOptions* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtSessionOptions)) : (OrtSessionOptions*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseSessionOptions((OrtSessionOptions*)handle);
        return true;
    }
}
