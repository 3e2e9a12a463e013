namespace Appliance.Service.Runtime;

/// <summary>The ggml CPU variant and thread counts the LLM runs with, and where that choice came from (measured, cached, override).</summary>
public sealed record CpuPathChoice(string Model, string Variant, int PrefillThreads, int DecodeThreads, string Source);
