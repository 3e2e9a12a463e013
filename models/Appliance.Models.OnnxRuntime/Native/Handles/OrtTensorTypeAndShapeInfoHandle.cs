using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtTensorTypeAndShapeInfo; released with OrtApi.ReleaseTensorTypeAndShapeInfo.</summary>
internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle : SafeHandle
{
    public OrtTensorTypeAndShapeInfoHandle(OrtTensorTypeAndShapeInfo* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtTensorTypeAndShapeInfo* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtTensorTypeAndShapeInfo)) : (OrtTensorTypeAndShapeInfo*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseTensorTypeAndShapeInfo((OrtTensorTypeAndShapeInfo*)handle);
        return true;
    }
}
