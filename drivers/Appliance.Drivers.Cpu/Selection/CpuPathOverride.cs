using System.Globalization;
using Appliance.Drivers.Cpu.Variants;

namespace Appliance.Drivers.Cpu.Selection;

/// <summary>
/// A technician's override of the measured choice (config or environment: APPLIANCE_CPU_VARIANT,
/// APPLIANCE_LLM_THREADS as "N" or "PREFILL,DECODE"). Unset parts keep the measured values.
/// </summary>
public sealed record CpuPathOverride(string? Variant, int? PrefillThreads, int? DecodeThreads)
{
    public const string VariantVariable = "APPLIANCE_CPU_VARIANT";
    public const string ThreadsVariable = "APPLIANCE_LLM_THREADS";

    public bool IsEmpty => Variant is null && PrefillThreads is null && DecodeThreads is null;

    public static CpuPathOverride FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(VariantVariable), Environment.GetEnvironmentVariable(ThreadsVariable));

    public static CpuPathOverride Parse(string? variant, string? threads)
    {
        string? v = string.IsNullOrWhiteSpace(variant) || variant == "auto" ? null : GgmlVariantCatalog.Get(variant.Trim()).Name;
        int? prefill = null, decode = null;
        if (!string.IsNullOrWhiteSpace(threads))
        {
            var parts = threads.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1024))
            {
                throw new ArgumentException($"{ThreadsVariable}='{threads}': expected N or PREFILL,DECODE with 1..1024 threads");
            }
            prefill = int.Parse(parts[0], CultureInfo.InvariantCulture);
            decode = int.Parse(parts[^1], CultureInfo.InvariantCulture);
        }
        return new(v, prefill, decode);
    }

    /// <summary>The effective choice: the measured selection (if any) with the override applied on top.</summary>
    public CpuSelection? ApplyTo(CpuSelection? measured, string cpuFingerprint, string modelFingerprint, int defaultThreads)
    {
        if (IsEmpty)
        {
            return measured;
        }
        return new CpuSelection(
            Variant ?? measured?.Variant ?? "auto",
            PrefillThreads ?? measured?.PrefillThreads ?? defaultThreads,
            DecodeThreads ?? measured?.DecodeThreads ?? defaultThreads,
            $"config override ({VariantVariable}/{ThreadsVariable})" + (measured is null ? "" : $" over {measured.Source}"),
            cpuFingerprint, modelFingerprint, measured?.MeasuredAt ?? DateTimeOffset.UtcNow, measured?.Measurements ?? []);
    }
}
