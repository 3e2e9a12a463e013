namespace Appliance.Drivers.Dsp;

/// <summary>
/// The far-end reference on the mic's time line. Playback reports each block it hands the DAC with
/// the monotonic time it will be heard; capture asks for the reference that was playing while each mic
/// block was recorded (ADC time). Both sides meet on absolute sample indices of the monotonic clock,
/// so device buffering on either side cancels out; what is left (acoustics, converter latency) is the
/// small residual <see cref="DelayEstimator"/> measures. Silence where nothing played.
/// </summary>
public sealed class EchoReference(int sampleRate, long timestampFrequency, double capacitySeconds = 4)
{
    private readonly float[] ring = new float[(int)(sampleRate * capacitySeconds)];
    private readonly Lock gate = new();
    private long writtenFrom = long.MaxValue;
    private long writtenTo = long.MinValue;

    public int SampleRate { get; } = sampleRate;

    /// <summary>Extra delay applied to the reference (samples), typically from <see cref="DelayEstimator"/>.</summary>
    public int ExtraDelay { get; set; }

    private long IndexOf(long timestamp) => (long)Math.Round(timestamp * (double)SampleRate / timestampFrequency);

    /// <summary>Records mono samples (at <see cref="SampleRate"/>) that reach the speaker at <paramref name="dacTimestamp"/>.</summary>
    public void Played(ReadOnlySpan<float> samples, long dacTimestamp)
    {
        var start = IndexOf(dacTimestamp);
        lock (gate)
        {
            if (writtenTo != long.MinValue && start > writtenTo)
            {
                // A gap (playback paused): clear what the ring still holds from older audio there.
                for (var i = writtenTo; i < Math.Min(start, writtenTo + ring.Length); i++)
                {
                    ring[(int)(i % ring.Length)] = 0;
                }
            }
            for (var i = 0; i < samples.Length; i++)
            {
                ring[(int)((start + i) % ring.Length)] = samples[i];
            }
            writtenFrom = Math.Min(writtenFrom == long.MaxValue ? start : writtenFrom, start);
            writtenTo = Math.Max(writtenTo, start + samples.Length);
            writtenFrom = Math.Max(writtenFrom, writtenTo - ring.Length);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the reference heard from <paramref name="adcTimestamp"/> on.</summary>
    public void Read(long adcTimestamp, Span<float> destination)
    {
        var start = IndexOf(adcTimestamp) - ExtraDelay;
        lock (gate)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                var index = start + i;
                destination[i] = index >= writtenFrom && index < writtenTo ? ring[(int)(index % ring.Length)] : 0f;
            }
        }
    }
}
