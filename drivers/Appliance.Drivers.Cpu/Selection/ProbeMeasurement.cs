namespace Appliance.Drivers.Cpu.Selection;

/// <summary>One probe run: a variant at a thread count on a model, prefill and decode speed (tokens/s).</summary>
public sealed record ProbeMeasurement(string Variant, int Threads, double PrefillTokS, double DecodeTokS, int PrefillTokens, int DecodeTokens, string? Error = null)
{
    public bool Ok => Error is null && PrefillTokS > 0 && DecodeTokS > 0;
}
