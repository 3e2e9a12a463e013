namespace Appliance.Drivers.Cpu.Selection;

/// <summary>
/// Picks the variant and thread counts from measurements. A kiosk turn is one prefill of the prompt and
/// a short reply, so the variant minimises the estimated turn time with each phase at its own best
/// thread count; ggml's static ranking is deliberately not consulted.
/// </summary>
public static class SelectionPolicy
{
    /// <summary>Typical turn: tokens prefilled (persona + history + question) and tokens decoded before the first sentence ends.</summary>
    public static CpuSelection Choose(IReadOnlyList<ProbeMeasurement> measurements, string cpuFingerprint, string modelFingerprint,
        int turnPromptTokens = 256, int turnReplyTokens = 48)
    {
        var ok = measurements.Where(m => m.Ok).ToList();
        if (ok.Count == 0)
        {
            var errors = string.Join("; ", measurements.Select(m => $"{m.Variant}×{m.Threads}: {m.Error ?? "no speed"}"));
            throw new InvalidOperationException($"no CPU variant ran the model: {errors}");
        }
        var best = ok.GroupBy(m => m.Variant)
            .Select(g =>
            {
                var prefill = g.MaxBy(m => m.PrefillTokS)!;
                var decode = g.MaxBy(m => m.DecodeTokS)!;
                var seconds = turnPromptTokens / prefill.PrefillTokS + turnReplyTokens / decode.DecodeTokS;
                return (Variant: g.Key, Prefill: prefill, Decode: decode, Seconds: seconds);
            })
            .MinBy(x => x.Seconds);
        return new(best.Variant, best.Prefill.Threads, best.Decode.Threads,
            $"measured: min est. turn time ({turnPromptTokens} prompt + {turnReplyTokens} reply tokens) = {best.Seconds * 1000:F0} ms",
            cpuFingerprint, modelFingerprint, DateTimeOffset.UtcNow, measurements);
    }
}
