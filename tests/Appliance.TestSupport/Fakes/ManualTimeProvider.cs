namespace Appliance.TestSupport.Fakes;

/// <summary>
/// A virtual monotonic clock for tests: time moves only when the test (or a pacer) says so, and timers
/// (Task.Delay(…, provider), CancellationTokenSource timeouts) fire as it passes their due time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _now = 1_000_000; // not zero, so "unset" and "time zero" are never confused

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override DateTimeOffset GetUtcNow() => _epoch.AddTicks(GetTimestamp());

    public void Advance(TimeSpan by) => SetTimestamp(GetTimestamp() + by.Ticks);

    /// <summary>Moves time forward to <paramref name="timestamp"/> (never backwards) and fires due timers in order.</summary>
    public void SetTimestamp(long timestamp)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.Due <= timestamp).MinBy(t => t.Due);
                if (due is null)
                {
                    _now = Math.Max(_now, timestamp);
                    return;
                }
                _now = Math.Max(_now, due.Due);
                if (due.Period is { } period)
                {
                    due.Due += Math.Max(1, period);
                }
                else
                {
                    _timers.Remove(due);
                }
            }
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; }

        public long? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }
                Due = owner._now + Math.Max(0, dueTime.Ticks);
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
                owner._timers.Add(this);
            }
            if (dueTime <= TimeSpan.Zero)
            {
                owner.SetTimestamp(owner.GetTimestamp());
            }
            return true;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
