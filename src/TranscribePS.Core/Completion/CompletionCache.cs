namespace TranscribePS.Core.Completion;

/// <summary>
/// Values for tab completion that cost a service call (recent job names, category names). Each place's list is
/// fetched once and kept for <see cref="Lifetime"/>; a Tab waits for it at most <see cref="TimeLimit"/>, and a fetch
/// that takes longer goes on in the background (up to <see cref="FetchLimit"/>) so that the next Tab has it. A fetch
/// that fails gives nothing until its entry expires. Never throws.
/// </summary>
public sealed class CompletionCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public CompletionCache(TimeSpan lifetime, TimeSpan timeLimit, TimeSpan fetchLimit, TimeProvider? clock = null)
    {
        Lifetime = lifetime;
        TimeLimit = timeLimit;
        FetchLimit = fetchLimit;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How long a fetched list is used before the next Tab fetches it again.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The longest a Tab waits for a fetch.</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>The longest a fetch may run at all; it is cancelled then.</summary>
    public TimeSpan FetchLimit { get; }

    /// <summary>
    /// The list for <paramref name="key"/>: the cached one while it is fresh, else the result of
    /// <paramref name="fetch"/> if it ends within <see cref="TimeLimit"/>, else the last list fetched for the key, else
    /// nothing.
    /// </summary>
    public IReadOnlyList<Suggestion> Get(string key, Func<CancellationToken, Task<IReadOnlyList<Suggestion>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetch);
        Entry entry;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (!_entries.TryGetValue(key, out entry!) || (entry.Fetch.IsCompleted && now - entry.Started >= Lifetime))
            {
                var previous = entry?.Fetch is { IsCompletedSuccessfully: true } done ? done.Result : entry?.Previous;
                entry = new Entry(now, Start(fetch), previous);
                _entries[key] = entry;
            }
        }

        try
        {
            if (entry.Fetch.Wait(TimeLimit))
            {
                return entry.Fetch.Result;
            }
        }
        catch (AggregateException)
        {
            // A failed fetch (no credentials, endpoint down, access denied) completes nothing.
            return [];
        }

        return entry.Previous ?? [];
    }

    private Task<IReadOnlyList<Suggestion>> Start(Func<CancellationToken, Task<IReadOnlyList<Suggestion>>> fetch)
        => Task.Run(async () =>
        {
            using var limit = new CancellationTokenSource(FetchLimit, _clock);
            return await fetch(limit.Token).ConfigureAwait(false);
        });

    private sealed record Entry(DateTimeOffset Started, Task<IReadOnlyList<Suggestion>> Fetch, IReadOnlyList<Suggestion>? Previous);
}

/// <summary>One completion value and the line that describes it (kind, status and age of a job, for example).</summary>
public sealed record Suggestion(string Value, string Description)
{
    /// <summary>
    /// The suggestions that complete <paramref name="word"/>: those it starts (case-insensitive), or those it matches
    /// when it holds wildcards; quotes around the word are ignored. Order is kept.
    /// </summary>
    public static IReadOnlyList<Suggestion> Matching(IEnumerable<Suggestion> suggestions, string? word, NameKind kind)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var text = (word ?? string.Empty).Trim('\'', '"');
        NamePattern? pattern = null;
        if (text.IndexOfAny(['*', '?', '[']) >= 0)
        {
            try
            {
                pattern = NamePattern.Parse(text.EndsWith('*') ? text : text + "*", kind);
            }
            catch (Jobs.PlanProblemException)
            {
                // No name can match it: match it as text, which completes nothing either.
            }
        }

        return suggestions
            .Where(s => pattern?.IsMatch(s.Value) ?? s.Value.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
    }
}
