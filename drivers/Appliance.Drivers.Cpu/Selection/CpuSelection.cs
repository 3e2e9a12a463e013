namespace Appliance.Drivers.Cpu.Selection;

/// <summary>
/// The chosen CPU path for one model on one machine: the ggml variant (one per process) and separate
/// thread counts for prefill (llama n_threads_batch) and decode (n_threads), with the evidence.
/// </summary>
public sealed record CpuSelection(
    string Variant,
    int PrefillThreads,
    int DecodeThreads,
    string Source,
    string CpuFingerprint,
    string ModelFingerprint,
    DateTimeOffset MeasuredAt,
    IReadOnlyList<ProbeMeasurement> Measurements);
