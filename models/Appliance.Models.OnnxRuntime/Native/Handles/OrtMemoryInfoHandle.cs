using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtMemoryInfo; released with OrtApi.ReleaseMemoryInfo.</summary>
internal sealed unsafe class OrtMemoryInfoHandle : SafeHandle
{
    public OrtMemoryInfoHandle(OrtMemoryInfo* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtMemoryInfo* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtMemoryInfo)) : (OrtMemoryInfo*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseMemoryInfo((OrtMemoryInfo*)handle);
        return true;
    }
}
