namespace Appliance.Core.Timing;

/// <summary>
/// Helpers over <see cref="TimeProvider"/> timestamps, the one monotonic clock the appliance uses
/// (tests substitute a manual provider).
/// </summary>
public static class Monotonic
{
    public static double ElapsedMs(this TimeProvider clock, long from, long to) =>
        (to - from) * 1000.0 / clock.TimestampFrequency;

    public static double MsSince(this TimeProvider clock, long from) =>
        clock.ElapsedMs(from, clock.GetTimestamp());

    /// <summary>The timestamp <paramref name="samples"/> samples after <paramref name="start"/> at <paramref name="sampleRate"/>.</summary>
    public static long AddSamples(this TimeProvider clock, long start, long samples, int sampleRate) =>
        start + samples * clock.TimestampFrequency / sampleRate;
}
