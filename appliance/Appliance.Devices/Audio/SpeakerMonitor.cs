using Appliance.Core.Audio;

namespace Appliance.Devices.Audio;

/// <summary>
/// Sits between the pipeline and the speaker. Before audio is queued it runs <see cref="BeforeWrite"/>
/// (the amplifier is switched on before the first sample reaches it); for every queued chunk it keeps a
/// 20 ms RMS envelope keyed by stream frame, so the LED ring pulses with what is heard now, not with what
/// TTS queued seconds ahead; and it knows when everything queued has played (amplifier idle timeout).
/// </summary>
public sealed class SpeakerMonitor
{
    private const int WindowsKept = 1024; // 20 s of envelope
    private readonly Lock _gate = new();
    private readonly (long Frame, float Rms)[] _windows = new (long, float)[WindowsKept];
    private int _count;
    private int _next;
    private long _queuedEnd;
    private IAudioPlayback? _playback;

    /// <summary>Awaited before each write (amplifier on); must be cheap when nothing changes.</summary>
    public Func<CancellationToken, ValueTask>? BeforeWrite { get; set; }

    /// <summary>The speaker being monitored, once the pipeline opened it.</summary>
    public IAudioPlayback? Playback => _playback;

    /// <summary>Stream frame after the last sample queued so far.</summary>
    public long QueuedEnd
    {
        get
        {
            lock (_gate)
            {
                return _queuedEnd;
            }
        }
    }

    /// <summary>True while queued audio has not all been played.</summary>
    public bool IsPlaying => _playback is { } p && p.Position.FramesPlayed < QueuedEnd;

    public IAudioPlayback Wrap(IAudioPlayback inner)
    {
        _playback = inner;
        return new MonitoredPlayback(inner, this);
    }

    /// <summary>Playback loudness 0..1 at the frame being played now (−50 dBFS → 0, −10 dBFS → 1).</summary>
    public double LevelNow() => _playback is { } p ? LevelAt(p.Position.FramesPlayed) : 0;

    public double LevelAt(long frame)
    {
        float rms = 0;
        lock (_gate)
        {
            for (var i = 0; i < _count; i++)
            {
                var w = _windows[(_next - 1 - i + WindowsKept) % WindowsKept];
                if (w.Frame <= frame)
                {
                    rms = frame - w.Frame < WindowFrames() ? w.Rms : 0;
                    break;
                }
            }
        }
        if (rms <= 0)
        {
            return 0;
        }
        var db = 20 * Math.Log10(rms);
        return Math.Clamp((db + 50) / 40, 0, 1);
    }

    internal void Record(long start, ReadOnlySpan<float> samples)
    {
        var window = WindowFrames();
        lock (_gate)
        {
            for (var offset = 0; offset < samples.Length; offset += window)
            {
                var chunk = samples.Slice(offset, Math.Min(window, samples.Length - offset));
                double sum = 0;
                foreach (var s in chunk)
                {
                    sum += s * s;
                }
                _windows[_next] = (start + offset, (float)Math.Sqrt(sum / chunk.Length));
                _next = (_next + 1) % WindowsKept;
                _count = Math.Min(_count + 1, WindowsKept);
            }
            _queuedEnd = Math.Max(_queuedEnd, start + samples.Length);
        }
    }

    internal void Flushed(long stoppedAt)
    {
        lock (_gate)
        {
            _queuedEnd = stoppedAt;
        }
    }

    private int WindowFrames() => Math.Max(1, (_playback?.SampleRate ?? 16000) / 50);

    private sealed class MonitoredPlayback(IAudioPlayback inner, SpeakerMonitor monitor) : IAudioPlayback
    {
        public int SampleRate => inner.SampleRate;

        public int Channels => inner.Channels;

        public PlaybackPosition Position => inner.Position;

        public async ValueTask<long> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
        {
            if (monitor.BeforeWrite is { } before)
            {
                await before(cancellationToken).ConfigureAwait(false);
            }
            var start = await inner.WriteAsync(samples, cancellationToken).ConfigureAwait(false);
            monitor.Record(start, samples.Span);
            return start;
        }

        public long Flush()
        {
            var stopped = inner.Flush();
            monitor.Flushed(stopped);
            return stopped;
        }

        public Task DrainAsync(CancellationToken cancellationToken = default) => inner.DrainAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
