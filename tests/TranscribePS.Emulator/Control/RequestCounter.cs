using System.Collections.Concurrent;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// How many requests each operation received (every request that named an operation, whether it then succeeded,
/// was refused or was faulted). Lets tests assert that "-WhatIf made no call". Also the most requests of one operation
/// that were being handled at the same moment, so tests can show that a client overlaps its calls.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Calls of one operation so far (0 when never called).</summary>
    public int this[string operation] => _counts.TryGetValue(operation, out var n) ? n : 0;

    public int Total => _counts.Values.Sum();

    internal int Increment(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    /// <summary>The most requests of <paramref name="operation"/> handled at once since the last reset.</summary>
    public int PeakInFlight(string operation) => _inFlight.TryGetValue(operation, out var flight) ? flight.Peak : 0;

    /// <summary>Counts a request of <paramref name="operation"/> as being handled until the result is disposed.</summary>
    internal IDisposable Handling(string operation)
    {
        var flight = _inFlight.GetOrAdd(operation, _ => new InFlight());
        flight.Enter();
        return flight;
    }

    public IReadOnlyDictionary<string, int> Snapshot() =>
        new SortedDictionary<string, int>(_counts.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        foreach (var flight in _inFlight.Values)
        {
            flight.ResetPeak();
        }
    }

    private sealed class InFlight : IDisposable
    {
        private readonly object _gate = new();
        private int _now;

        public int Peak { get; private set; }

        public void Enter()
        {
            lock (_gate)
            {
                Peak = Math.Max(Peak, ++_now);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _now--;
            }
        }

        public void ResetPeak()
        {
            lock (_gate)
            {
                Peak = _now;
            }
        }
    }
}
