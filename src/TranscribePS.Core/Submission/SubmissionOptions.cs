using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Submission;

/// <summary>
/// How hard a batch of submissions may press the service: call rates per operation (at or under the service's
/// default request quotas, which other tools of the account share) and how throttles and faults are retried.
/// </summary>
public sealed record SubmissionOptions
{
    public static SubmissionOptions Default { get; } = new();

    /// <summary>
    /// Start calls per second: just under the service's quota of 25 (10 for call analytics), since calls sent evenly
    /// still arrive bunched by the network and the service counts them over a sliding second.
    /// </summary>
    public double StartCallsPerSecond { get; init; } = 24;

    public double CallAnalyticsStartCallsPerSecond { get; init; } = 9.5;

    /// <summary>Get calls per second: half the service's 30 (20 for call analytics), leaving room for a wait beside the batch.</summary>
    public double GetCallsPerSecond { get; init; } = 15;

    public double CallAnalyticsGetCallsPerSecond { get; init; } = 10;

    /// <summary>List pages per second, under the service's 5.</summary>
    public double ListCallsPerSecond { get; init; } = 4;

    /// <summary>
    /// The plan of a kind from which existence is answered by one listing instead of a Get each: a run of one or a few
    /// recordings (a scheduled task per file) spends Gets, of which the service allows 30 a second, not Lists (5).
    /// </summary>
    public int ExistenceListFrom { get; init; } = 5;

    /// <summary>
    /// Pages of 100 jobs one existence listing of a kind may read. A listing that ends within it answers for every
    /// name it does not hold (no Get needed); a longer history falls back to a Get per name.
    /// </summary>
    public int MaxExistenceListPages { get; init; } = 20;

    /// <summary>Pages of 1,000 keys one listing of an upload folder may read before falling back to HeadObject per recording.</summary>
    public int MaxFolderListPages { get; init; } = 10;

    /// <summary>Attempts of one call that meets throttling or a service fault (the SDK's own retries come on top).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first backoff; it doubles per attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The concurrent-job window for every kind (-MaxConcurrentJobs); null for each kind's default, the service's
    /// default quota: 250 standard and medical, 100 call analytics and HealthScribe.
    /// </summary>
    public int? MaxConcurrentJobs { get; init; }

    /// <summary>
    /// The Start of a kind at which the window first counts the account's running jobs (two Lists). A run of fewer
    /// Starts, or a rerun that starts nothing, counts nothing: should the account be full, the service's "too many
    /// jobs" answer makes the window count and wait then.
    /// </summary>
    public int WindowCountFrom { get; init; } = 5;

    /// <summary>How often a full window counts the running jobs again.</summary>
    public TimeSpan SlotRecheck { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The window of a kind.</summary>
    public int ConcurrentJobs(JobKind kind) => MaxConcurrentJobs ?? kind switch
    {
        JobKind.Standard or JobKind.Medical => 250,
        _ => 100,
    };

    /// <summary>The rate of Start calls for a kind.</summary>
    public double StartRate(JobKind kind) => kind == JobKind.CallAnalytics ? CallAnalyticsStartCallsPerSecond : StartCallsPerSecond;

    /// <summary>The rate of Get calls for a kind.</summary>
    public double GetRate(JobKind kind) => kind == JobKind.CallAnalytics ? CallAnalyticsGetCallsPerSecond : GetCallsPerSecond;

    /// <summary>The backoff before attempt <paramref name="attempt"/> + 1; <paramref name="unit"/> is a uniform draw from [0, 1).</summary>
    public TimeSpan RetryDelay(int attempt, double unit)
    {
        var full = FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        if (full > MaxRetryDelay)
        {
            full = MaxRetryDelay;
        }

        // Half fixed, half jitter: parallel callers throttled together come back apart.
        return full * (0.5 + (0.5 * unit));
    }
}
