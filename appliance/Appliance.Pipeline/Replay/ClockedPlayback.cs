using Appliance.Core.Audio;
using Appliance.Core.Timing;

namespace Appliance.Pipeline.Replay;

/// <summary>
/// A speaker simulated against a clock: queued audio plays back-to-back from the moment it is written
/// (or when the queue before it ends), a flush cuts it where the clock says playback is, and every
/// played sample's time is kept, so replay can measure voice-to-voice and barge-in from what was
/// actually "heard". With <c>realTime: false</c> drains return at once (for memory soak runs).
/// </summary>
public sealed class ClockedPlayback(TimeProvider clock, int sampleRate, bool realTime = true) : IAudioPlayback
{
    private readonly List<PlayedBlock> _blocks = [];
    private readonly Lock _gate = new();
    private long _queuedEnd;
    private bool _keepHistory = true;

    public int SampleRate => sampleRate;

    public int Channels => 1;

    /// <summary>Stop keeping played audio (soak runs would otherwise grow without bound).</summary>
    public void DiscardHistory()
    {
        lock (_gate)
        {
            _keepHistory = false;
            _blocks.Clear();
        }
    }

    public IReadOnlyList<PlayedBlock> Blocks
    {
        get
        {
            lock (_gate)
            {
                return [.. _blocks];
            }
        }
    }

    public ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var start = Math.Max(now, QueueEndTime());
            var position = _queuedEnd;
            _blocks.Add(new PlayedBlock(position, start, samples.ToArray()));
            _queuedEnd += samples.Length;
            if (!_keepHistory && _blocks.Count > 4)
            {
                _blocks.RemoveRange(0, _blocks.Count - 4);
            }
            return ValueTask.FromResult(position);
        }
    }

    public long Flush()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var played = PlayedFrames(now);
            _blocks.RemoveAll(b => b.StartFrame >= played && b.StartTime > now);
            foreach (var b in _blocks)
            {
                if (b.StartFrame + b.Length > played)
                {
                    b.Length = (int)Math.Max(0, played - b.StartFrame);
                }
            }
            _queuedEnd = played;
            return played;
        }
    }

    public PlaybackPosition Position
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                var end = QueueEndTime();
                return new PlaybackPosition(PlayedFrames(now), Math.Min(now, end == long.MinValue ? now : end));
            }
        }
    }

    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (realTime)
        {
            long remaining;
            lock (_gate)
            {
                remaining = QueueEndTime() - clock.GetTimestamp();
            }
            if (remaining <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds((double)remaining / clock.TimestampFrequency), clock, cancellationToken).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// The monotonic time of the first sample louder than <paramref name="level"/> played at or after
    /// <paramref name="from"/> and before <paramref name="until"/>, or null.
    /// </summary>
    public long? FirstSoundBetween(long from, long until, float level = 1e-3f)
    {
        foreach (var b in Blocks.OrderBy(b => b.StartTime))
        {
            for (var i = 0; i < b.Length; i++)
            {
                var t = clock.AddSamples(b.StartTime, i, sampleRate);
                if (t >= until)
                {
                    return null;
                }
                if (t >= from && Math.Abs(b.Samples[i]) > level)
                {
                    return t;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The last loud sample of the sound that is playing at <paramref name="from"/> (the run of audio
    /// without a pause of <paramref name="gapMs"/>), or null if nothing plays then.
    /// </summary>
    public long? LastSoundOfRunAt(long from, double gapMs = 300, float level = 1e-3f)
    {
        long? last = null;
        var gapTicks = (long)(gapMs * clock.TimestampFrequency / 1000);
        foreach (var b in Blocks.OrderBy(b => b.StartTime))
        {
            for (var i = 0; i < b.Length; i++)
            {
                if (Math.Abs(b.Samples[i]) <= level)
                {
                    continue;
                }
                var t = clock.AddSamples(b.StartTime, i, sampleRate);
                if (t < from - gapTicks)
                {
                    continue;
                }
                if ((last ?? from) + gapTicks < t)
                {
                    return last;
                }
                last = t;
            }
        }
        return last;
    }

    /// <summary>The played audio between two times, silence where nothing played.</summary>
    public float[] Render(long from, long until)
    {
        var length = (int)Math.Max(0, clock.ElapsedMs(from, until) * sampleRate / 1000);
        var output = new float[length];
        foreach (var b in Blocks)
        {
            var offset = (long)Math.Round(clock.ElapsedMs(from, b.StartTime) * sampleRate / 1000);
            for (var i = 0; i < b.Length; i++)
            {
                var k = offset + i;
                if (k >= 0 && k < length)
                {
                    output[k] += b.Samples[i];
                }
            }
        }
        return output;
    }

    private long QueueEndTime()
    {
        if (_blocks.Count == 0)
        {
            return long.MinValue;
        }
        var last = _blocks[^1];
        return clock.AddSamples(last.StartTime, last.Length, sampleRate);
    }

    private long PlayedFrames(long now)
    {
        for (var k = _blocks.Count - 1; k >= 0; k--)
        {
            var b = _blocks[k];
            if (b.StartTime <= now)
            {
                var elapsed = (long)(clock.ElapsedMs(b.StartTime, now) * sampleRate / 1000);
                return b.StartFrame + Math.Min(b.Length, elapsed);
            }
        }
        return _blocks.Count > 0 ? _blocks[0].StartFrame : _queuedEnd;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
