using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>llama_sampler_chain_params (llama.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_sampler_chain_params
{
    public sbyte no_perf; // C bool: true = do not measure sampling time
}
