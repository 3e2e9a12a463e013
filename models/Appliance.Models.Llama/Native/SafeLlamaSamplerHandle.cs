using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

/// <summary>Owns a sampler chain (struct llama_sampler *); freeing the chain frees the samplers added to it.</summary>
public sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_sampler_free(handle);
        return true;
    }
}
