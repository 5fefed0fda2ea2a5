namespace TranscribePS.Tests.Waiting;

/// <summary>
/// A fake clock. With auto-advance, arming a timer moves time straight to its due time and fires it (and anything
/// due earlier), so a wait of hours runs in microseconds, one step at a time, on the test's thread. Without it,
/// time moves only through <see cref="Advance"/>, and <see cref="NextTimerArmed"/> tells when code is blocked on one.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<ManualTimer> _armed = [];
    private readonly bool _autoAdvance;
    private DateTimeOffset _now = Origin;
    private TaskCompletionSource _timerArmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualClock(bool autoAdvance = true) => _autoAdvance = autoAdvance;

    /// <summary>Completes when a timer is next armed.</summary>
    public Task NextTimerArmed
    {
        get
        {
            lock (_gate)
            {
                return _timerArmed.Task;
            }
        }
    }

    public TimeSpan Elapsed => GetUtcNow() - Origin;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by) => AdvanceTo(GetUtcNow() + by);

    private void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("ManualClock supports one-shot timers only.");
        }

        TaskCompletionSource armed;
        DateTimeOffset due;
        lock (_gate)
        {
            _armed.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            due = _now + dueTime;
            timer.Due = due;
            _armed.Add(timer);
            armed = _timerArmed;
            _timerArmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        armed.TrySetResult();
        if (_autoAdvance)
        {
            AdvanceTo(due);
        }
    }

    private void Disarm(ManualTimer timer)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
        }
    }

    private void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _armed.Where(t => t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                _armed.Remove(next);
                if (next.Due > _now)
                {
                    _now = next.Due;
                }
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Disarm(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
