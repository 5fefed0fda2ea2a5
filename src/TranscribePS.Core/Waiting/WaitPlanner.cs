using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>How a cycle finds out which jobs of one kind finished.</summary>
public enum PollStrategy
{
    /// <summary>One Get per pending job.</summary>
    Get,

    /// <summary>List COMPLETED and FAILED (newest first, down to the oldest pending job), then Get only the finished ones.</summary>
    List,
}

/// <summary>What happened in the cycle that just ended, for choosing the next gap.</summary>
public enum CycleOutcome
{
    /// <summary>Every call answered and no job finished.</summary>
    Quiet,

    /// <summary>At least one job left the wait.</summary>
    Progressed,

    /// <summary>The service throttled (or failed transiently) and the cycle stopped early.</summary>
    Throttled,
}

/// <summary>What the waiter knows about one kind's unfinished jobs when a cycle begins.</summary>
/// <param name="Pending">Unfinished jobs of the kind.</param>
/// <param name="NeedGet">
/// Of those, jobs that need a Get whatever the strategy: no creation time yet (a List cannot bound its paging by
/// them), a List already reported them finished but Get did not yet agree, or Get once answered NotFound.
/// </param>
/// <param name="ExpectedListPages">List pages (COMPLETED plus FAILED) the last listing of this kind took.</param>
public readonly record struct KindLoad(JobKind Kind, int Pending, int NeedGet, int ExpectedListPages);

/// <summary>The calls one cycle makes for one kind, Gets for jobs found finished by a List not counted.</summary>
public sealed record KindPlan(JobKind Kind, PollStrategy Strategy, int GetCalls, int ListCalls);

/// <summary>
/// The pure scheduling decisions of <see cref="JobWaiter"/>: Get or List per kind and the gap between cycles.
/// </summary>
/// <remarks>
/// Cost model: the waiter paces Gets at <see cref="WaitOptions.MaxGetCallsPerSecond"/> and List pages at
/// <see cref="WaitOptions.MaxListCallsPerSecond"/>, so a call costs 1/rate seconds of the account's shared quota
/// (List is the scarcer one: 5 TPS against Get's 30). Polling n jobs by Get costs n/getRate; a listing costs
/// pages/listRate plus <see cref="SpotChecksPerListCycle"/> Gets. Jobs found finished are read by Get under either
/// strategy, so they do not tip the choice. With the defaults (Gets 25 per second, 15 for call analytics; Lists
/// 3; one page of COMPLETED and one of FAILED) the crossover is 18 jobs of a kind (12 of call analytics): up to 18
/// are polled by Get, from 19 on the cycle lists. 250 jobs polled by Get would take 10 s of Get pace per cycle;
/// listing them takes 2–6 pages.
/// </remarks>
public static class WaitPlanner
{
    /// <summary>
    /// Gets spent per listing cycle on the least recently read pending jobs: a job deleted while waiting never shows in
    /// a List, and this is how the wait still learns it vanished.
    /// </summary>
    public const int SpotChecksPerListCycle = 2;

    /// <summary>Pages a listing is assumed to take before one was observed: one of COMPLETED, one of FAILED.</summary>
    public const int DefaultExpectedListPages = 2;

    /// <summary>The page size the waiter's List calls ask for (the service's maximum).</summary>
    public const int ListPageSize = 100;

    public static IReadOnlyList<KindPlan> NextCycle(IEnumerable<KindLoad> kinds, WaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(options);
        var plans = new List<KindPlan>();
        foreach (var load in kinds)
        {
            if (load.Pending <= 0)
            {
                continue;
            }

            var listable = load.Pending - load.NeedGet;
            var pages = Math.Max(1, load.ExpectedListPages);
            plans.Add(PrefersList(listable, pages, options.GetCallsPerSecond(load.Kind), options)
                ? new KindPlan(load.Kind, PollStrategy.List, load.NeedGet + Math.Min(SpotChecksPerListCycle, listable), pages)
                : new KindPlan(load.Kind, PollStrategy.Get, load.Pending, 0));
        }

        return plans;
    }

    /// <summary>The largest number of pending jobs of a kind still polled by Get when a listing takes this many pages.</summary>
    public static int ListCrossover(int expectedListPages, WaitOptions options, JobKind kind = JobKind.Medical)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pages = Math.Max(1, expectedListPages);
        var n = 0;
        while (!PrefersList(n + 1, pages, options.GetCallsPerSecond(kind), options))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// The next gap before jitter: longer only after a throttled (or faulted) cycle; a step shorter after any other,
    /// back to the poll interval. A quiet cycle does not lengthen it, so a job is seen finished within one poll
    /// interval however long it ran (a quiet cycle over many jobs costs a List page per hundred, over few a Get each).
    /// </summary>
    public static TimeSpan NextInterval(TimeSpan current, CycleOutcome outcome, WaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var next = outcome == CycleOutcome.Throttled
            ? current * options.BackoffFactor
            : current / options.BackoffFactor;
        if (next < options.PollInterval)
        {
            return options.PollInterval;
        }

        var max = options.EffectiveMaxPollInterval;
        return next > max ? max : next;
    }

    /// <summary>Spreads a gap by ±<paramref name="jitter"/>; <paramref name="unit"/> is a uniform draw from [0, 1).</summary>
    public static TimeSpan Jittered(TimeSpan interval, double jitter, double unit)
    {
        if (unit is < 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(unit));
        }

        return interval * (1.0 + (jitter * ((2.0 * unit) - 1.0)));
    }

    /// <summary>
    /// The longest run of characters every name contains, for List's JobNameContains filter; null when they share none.
    /// </summary>
    internal static string? CommonNameFragment(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var shortest = names.MinBy(n => n.Length)!;
        for (var length = shortest.Length; length > 0; length--)
        {
            for (var start = 0; start + length <= shortest.Length; start++)
            {
                var candidate = shortest.AsMemory(start, length);
                if (names.All(n => n.AsSpan().Contains(candidate.Span, StringComparison.Ordinal)))
                {
                    return candidate.ToString();
                }
            }
        }

        return null;
    }

    private static bool PrefersList(int listable, int pages, double getRate, WaitOptions options)
    {
        // Costs in seconds of quota (calls / rate), multiplied through by both rates so whole numbers compare exactly.
        var listRate = options.MaxListCallsPerSecond;
        var byGet = listable * listRate;
        var byList = (pages * getRate) + (Math.Min(SpotChecksPerListCycle, listable) * listRate);
        return byList < byGet;
    }
}
