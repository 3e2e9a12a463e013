using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

/// <summary>Owns a struct llama_model *; released with llama_model_free once no context references it.</summary>
public sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_model_free(handle);
        return true;
    }
}
