using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>struct llama_perf_sampler_data (llama.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_perf_sampler_data
{
    public double t_sample_ms;  // sampling time in ms
    public int n_sample;        // sampled tokens
}
