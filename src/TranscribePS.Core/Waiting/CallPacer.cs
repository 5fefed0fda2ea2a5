namespace TranscribePS.Core.Waiting;

/// <summary>
/// A token bucket of one token refilled at a fixed rate: calls of one operation type are spaced at least 1/rate
/// apart, so no one-second window holds more than the rate (rounded up). Thread-safe: parallel submissions share one.
/// </summary>
internal sealed class CallPacer
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _spacing;
    private readonly object _gate = new();
    private DateTimeOffset _nextFree = DateTimeOffset.MinValue;

    public CallPacer(double callsPerSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callsPerSecond);
        _clock = clock;
        _spacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / callsPerSecond));
    }

    /// <summary>Returns when the next call may go out, and books that slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_nextFree <= now)
            {
                _nextFree = now + _spacing;
                return Task.CompletedTask;
            }

            wait = _nextFree - now;
            _nextFree += _spacing;
        }

        return Task.Delay(wait.RoundUpToMilliseconds(), _clock, cancellationToken);
    }
}

internal static class TimeSpanRounding
{
    /// <summary>Task.Delay truncates to whole milliseconds; rounding up keeps a wake-up from landing before its slot.</summary>
    public static TimeSpan RoundUpToMilliseconds(this TimeSpan span) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(span.TotalMilliseconds));
}
