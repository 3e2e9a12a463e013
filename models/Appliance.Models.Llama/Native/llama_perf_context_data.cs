using System.Runtime.InteropServices;

namespace Appliance.Models.Llama.Native;

#pragma warning disable CA1707, IDE1006 // C names on purpose: this is a 1:1 mirror of llama.h

/// <summary>struct llama_perf_context_data (llama.h); only filled when the context has no_perf = false.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct llama_perf_context_data
{
    public double t_start_ms;   // absolute start time
    public double t_load_ms;    // model load time
    public double t_p_eval_ms;  // prompt processing time
    public double t_eval_ms;    // generation time
    public int n_p_eval;        // prompt tokens
    public int n_eval;          // generated tokens
    public int n_reused;        // compute graph reuses
}
