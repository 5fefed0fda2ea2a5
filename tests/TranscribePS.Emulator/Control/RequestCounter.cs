using System.Collections.Concurrent;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// How many requests each operation received (every request that named an operation, whether it then succeeded,
/// was refused or was faulted). Lets tests assert that "-WhatIf made no call".
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls of one operation so far (0 when never called).</summary>
    public int this[string operation] => _counts.TryGetValue(operation, out var n) ? n : 0;

    public int Total => _counts.Values.Sum();

    internal int Increment(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Snapshot() =>
        new SortedDictionary<string, int>(_counts.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
