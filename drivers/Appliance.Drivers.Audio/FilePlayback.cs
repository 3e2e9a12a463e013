using Appliance.Core.Audio;

namespace Appliance.Drivers.Audio;

/// <summary>
/// A playback sink that records exactly what was "played", with positions and timestamps: the
/// replay and test stand-in for a speaker. In real-time mode a block is heard when the clock
/// reaches its slot (so barge-in flushes drop the unheard tail); otherwise everything written is
/// played at once. <c>outputLatency</c> (real-time mode) models a sound card's buffer: audio written to an
/// idle speaker is heard that much later, as with the PortAudio stream the service opens (50 ms), so the
/// avatar's cues get the same head start over the sound as on a kiosk.
/// </summary>
public sealed class FilePlayback(int sampleRate, bool realTime = false, TimeProvider? clock = null, TimeSpan outputLatency = default) : IAudioPlayback, IPlaybackMonitor
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly List<float> played = [];
    private readonly List<PlayedBlock> log = [];
    private readonly Lock gate = new();
    private readonly List<float> queue = [];
    private long queueStartFrame;
    private long queueStartTime;

    public event Action<PlayedBlock>? BlockPlayed;

    public int SampleRate { get; } = sampleRate;

    public int Channels => 1;

    /// <summary>Everything played so far (mono).</summary>
    public float[] Played
    {
        get
        {
            lock (gate)
            {
                Advance();
                return [.. played];
            }
        }
    }

    /// <summary>Every played block with its position and DAC timestamp.</summary>
    public IReadOnlyList<PlayedBlock> Log
    {
        get
        {
            lock (gate)
            {
                Advance();
                return [.. log];
            }
        }
    }

    public ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            Advance();
            if (queue.Count == 0)
            {
                queueStartFrame = played.Count;
                queueStartTime = clock.GetTimestamp() + (realTime ? (long)(outputLatency.TotalSeconds * clock.TimestampFrequency) : 0);
            }
            var first = queueStartFrame + queue.Count;
            queue.AddRange(samples.Span);
            if (!realTime)
            {
                Emit(queue.Count);
            }
            return ValueTask.FromResult(first);
        }
    }

    public long Flush()
    {
        lock (gate)
        {
            Advance();
            queue.Clear();
            return played.Count;
        }
    }

    public PlaybackPosition Position
    {
        get
        {
            lock (gate)
            {
                Advance();
                if (realTime && queue.Count > 0)
                {
                    // Audio is queued: the next frame plays on the queue's time line (which may still be ahead
                    // of now by the output latency), not right after the last block, which may be long past.
                    return new PlaybackPosition(played.Count, queueStartTime + (long)((double)(played.Count - queueStartFrame) * clock.TimestampFrequency / SampleRate));
                }
                return new PlaybackPosition(played.Count, log.Count == 0 ? 0 : log[^1].DacTimestamp + (long)((double)log[^1].Samples.Length * clock.TimestampFrequency / SampleRate));
            }
        }
    }

    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                Advance();
                if (queue.Count == 0)
                {
                    return;
                }
                wait = TimeSpan.FromSeconds((double)queue.Count / SampleRate);
            }
            await Task.Delay(wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what was played to a 16-bit WAV file.</summary>
    public void Save(string path) => WavFile.Write(path, Played, SampleRate);

    private void Advance()
    {
        if (!realTime || queue.Count == 0)
        {
            return;
        }
        var elapsed = clock.GetElapsedTime(queueStartTime).TotalSeconds;
        var due = (long)(elapsed * SampleRate) - (played.Count - queueStartFrame);
        Emit((int)Math.Clamp(due, 0, queue.Count));
    }

    private void Emit(int count)
    {
        if (count == 0)
        {
            return;
        }
        var block = queue.GetRange(0, count).ToArray();
        queue.RemoveRange(0, count);
        var first = played.Count;
        var stamp = realTime ? queueStartTime + (long)((double)(first - queueStartFrame) * clock.TimestampFrequency / SampleRate) : clock.GetTimestamp();
        played.AddRange(block);
        var entry = new PlayedBlock(first, block, SampleRate, stamp);
        log.Add(entry);
        BlockPlayed?.Invoke(entry);
        if (queue.Count == 0)
        {
            queueStartFrame = played.Count;
        }
        else
        {
            // keep the origin so later blocks stay on the same time line
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
