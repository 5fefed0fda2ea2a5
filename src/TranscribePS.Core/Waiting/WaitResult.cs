using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>How the wait ended for one job.</summary>
public enum WaitOutcome
{
    /// <summary>The job finished with status COMPLETED; <see cref="WaitResult.Job"/> carries its output URIs.</summary>
    Completed,

    /// <summary>The job finished with status FAILED; the job carries the service's FailureReason.</summary>
    Failed,

    /// <summary>The deadline passed before the job finished; it still runs in the service.</summary>
    TimedOut,

    /// <summary>The service no longer knows the job (deleted while waiting, or never existed in this region).</summary>
    NotFound,

    /// <summary>
    /// The wait ended before the job finished, on an error waiting cannot fix (access denied, a bad request):
    /// <see cref="WaitResult.Error"/> says which. The job still runs in the service.
    /// </summary>
    Abandoned,
}

/// <summary>One job leaving the wait, emitted the moment the waiter learns how it ended.</summary>
public sealed record WaitResult
{
    public required WaitOutcome Outcome { get; init; }
    public required JobKind Kind { get; init; }
    public required string JobName { get; init; }

    /// <summary>
    /// Completed and Failed: the job as Get returned it (or the input, when it already held the finished state).
    /// TimedOut: the last state read. NotFound: the input job.
    /// </summary>
    public required TranscriptionJob Job { get; init; }

    /// <summary>What happened (for every outcome but Completed also what to do next), ready for a verbose line or an error record.</summary>
    public required string Message { get; init; }

    /// <summary>Abandoned: the service's error that ended the wait; null otherwise.</summary>
    public Aws.TranscribeException? Error { get; init; }

    /// <summary>Time from the moment the job joined the wait to the moment its outcome was known.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>One job's line in <see cref="WaitProgress.Jobs"/>: the status last read, and how it left the wait, if it did.</summary>
public sealed record WaitingJob(JobKind Kind, string JobName, JobStatus LastStatus, WaitOutcome? Outcome);

/// <summary>
/// The state of a wait for a progress bar; reported when a count changes, when jobs join and when the next check is
/// scheduled.
/// </summary>
public sealed record WaitProgress
{
    /// <summary>Waits for at most this many jobs list each job in <see cref="Jobs"/>.</summary>
    public const int JobDetailLimit = 5;

    /// <summary>Jobs that joined the wait so far.</summary>
    public required int Total { get; init; }

    /// <summary>Jobs still waited for whose last known status is QUEUED.</summary>
    public int Queued { get; init; }

    /// <summary>Jobs still waited for whose last known status is IN_PROGRESS.</summary>
    public int InProgress { get; init; }
    public required int Completed { get; init; }
    public required int Failed { get; init; }
    public required int NotFound { get; init; }
    public required int TimedOut { get; init; }

    /// <summary>Jobs left when the wait ended on an error waiting cannot fix.</summary>
    public int Abandoned { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>When the wait began, on the waiter's clock, so a bar can keep its elapsed time ticking between reports.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>When the next status check is due; null when no job is waited for.</summary>
    public DateTimeOffset? NextCheck { get; init; }

    /// <summary>Every job of the wait, in the order they joined, while there are at most <see cref="JobDetailLimit"/>; else empty.</summary>
    public IReadOnlyList<WaitingJob> Jobs { get; init; } = [];

    /// <summary>Jobs still being waited for.</summary>
    public int Running => Total - Completed - Failed - NotFound - TimedOut - Abandoned;

    /// <summary>Share of jobs that have left the wait, 0–100, for <c>PercentComplete</c>.</summary>
    public int PercentComplete => Total == 0 ? 100 : (int)((Total - Running) * 100L / Total);
}
