using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>Owns one OrtEnv; released with OrtApi.ReleaseEnv.</summary>
internal sealed unsafe class OrtEnvHandle : SafeHandle
{
    public OrtEnvHandle(OrtEnv* pointer)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public OrtEnv* Pointer => IsClosed ? throw new ObjectDisposedException(nameof(OrtEnv)) : (OrtEnv*)handle;

    protected override bool ReleaseHandle()
    {
        OrtNative.Api->ReleaseEnv((OrtEnv*)handle);
        return true;
    }
}
