namespace Appliance.Pipeline.Asr;

/// <summary>
/// The last few seconds of the microphone (mono), addressed by stream sample index — the same index the
/// VAD reports. The VAD only announces speech after it has heard some of it, so the recognition stream
/// opened at that moment starts from here, a little before the announced onset, and loses nothing.
/// Audio-loop only (not thread-safe).
/// </summary>
public sealed class AudioHistory(int capacity)
{
    private readonly float[] _ring = new float[capacity];

    /// <summary>Stream index one past the newest sample.</summary>
    public long End { get; private set; }

    /// <summary>Stream index of the oldest sample still held.</summary>
    public long Start => Math.Max(0, End - _ring.Length);

    public void Append(ReadOnlySpan<float> samples)
    {
        if (samples.Length >= _ring.Length)
        {
            // Only the tail fits; it lands where its stream index says.
            var skip = samples.Length - _ring.Length;
            End += skip;
            samples = samples[skip..];
        }
        var at = (int)(End % _ring.Length);
        var first = Math.Min(samples.Length, _ring.Length - at);
        samples[..first].CopyTo(_ring.AsSpan(at));
        samples[first..].CopyTo(_ring);
        End += samples.Length;
    }

    /// <summary>Copies samples [from, End) to <paramref name="destination"/>; <paramref name="from"/> must be within [Start, End].</summary>
    public void CopyTo(long from, Span<float> destination)
    {
        if (from < Start || from + destination.Length > End)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"samples [{from}, {from + destination.Length}) are not held (history holds [{Start}, {End}))");
        }
        var at = (int)(from % _ring.Length);
        var first = Math.Min(destination.Length, _ring.Length - at);
        _ring.AsSpan(at, first).CopyTo(destination);
        _ring.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
    }
}
