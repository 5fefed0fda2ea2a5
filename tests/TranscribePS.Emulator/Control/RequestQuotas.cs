using System.Collections.Concurrent;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// Requests-per-second quotas per Transcribe operation, over a sliding one-second window. Defaults are AWS's:
/// Start* 25 (StartCallAnalyticsJob 10), Get* 30 (GetCallAnalyticsJob 20), List* 5, Delete* 5, call analytics
/// category operations 20; anything else unlimited. A limit of null means unlimited.
/// </summary>
public sealed class RequestQuotas
{
    /// <summary>Key that addresses every operation at once in <see cref="Set"/>.</summary>
    public const string AllOperations = "*";

    private readonly ConcurrentDictionary<string, int?> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);
    private readonly RequestCounter _refused = new();
    private readonly IReadOnlyDictionary<string, int?> _configured;
    private readonly TimeProvider _clock;
    private bool _hasWildcard;
    private int? _wildcard;

    public RequestQuotas(IReadOnlyDictionary<string, int?>? configured = null, TimeProvider? clock = null)
    {
        _configured = configured ?? new Dictionary<string, int?>();
        _clock = clock ?? TimeProvider.System;
        Reset();
    }

    /// <summary>AWS's default request rate for a Transcribe operation (null: not rate limited here).</summary>
    public static int? AwsDefault(string operation) => operation switch
    {
        "StartCallAnalyticsJob" => 10,
        "GetCallAnalyticsJob" => 20,
        _ when operation.EndsWith("CallAnalyticsCategory", StringComparison.Ordinal) || operation == "ListCallAnalyticsCategories" => 20,
        _ when operation.StartsWith("Start", StringComparison.Ordinal) => 25,
        _ when operation.StartsWith("Get", StringComparison.Ordinal) => 30,
        _ when operation.StartsWith("List", StringComparison.Ordinal) => 5,
        _ when operation.StartsWith("Delete", StringComparison.Ordinal) => 5,
        _ => null,
    };

    /// <summary>The limit in force for an operation (requests per second; null = unlimited).</summary>
    public int? LimitOf(string operation)
    {
        if (_overrides.TryGetValue(operation, out var limit))
        {
            return limit;
        }

        return _hasWildcard ? _wildcard : AwsDefault(operation);
    }

    /// <summary>Sets one operation's limit, or every operation's with <see cref="AllOperations"/>; null = unlimited.</summary>
    public void Set(string operation, int? requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerSecond ?? 0);
        if (operation == AllOperations)
        {
            _overrides.Clear();
            (_hasWildcard, _wildcard) = (true, requestsPerSecond);
            return;
        }

        _overrides[operation] = requestsPerSecond;
    }

    /// <summary>No operation is rate limited any more (until <see cref="Reset"/>).</summary>
    public void SetUnlimited() => Set(AllOperations, null);

    /// <summary>
    /// Requests answered "Rate exceeded" by these quotas, per operation, since the last reset (scripted Throttle
    /// faults are not counted here): what a benchmark reads to say a client kept under the service's rates.
    /// </summary>
    public RequestCounter Refused => _refused;

    /// <summary>Back to the AWS defaults plus the limits configured at start; usage windows and refusal counts emptied.</summary>
    public void Reset()
    {
        _overrides.Clear();
        _windows.Clear();
        _refused.Reset();
        (_hasWildcard, _wildcard) = (false, null);
        foreach (var (operation, limit) in _configured)
        {
            Set(operation, limit);
        }
    }

    /// <summary>Counts one request against the operation's window; false when it is over the limit.</summary>
    public bool TryAcquire(string operation)
    {
        var limit = LimitOf(operation);
        if (limit is null)
        {
            return true;
        }

        var window = _windows.GetOrAdd(operation, _ => new Queue<long>());
        var now = _clock.GetTimestamp();
        var oneSecondAgo = now - _clock.TimestampFrequency;
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= oneSecondAgo)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                _refused.Increment(operation);
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }
}
