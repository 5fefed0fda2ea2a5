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

    /// <summary>Time from the start of the wait to the moment the outcome was known.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>Counts for a progress bar; reported only when one of them changes.</summary>
public sealed record WaitProgress
{
    public required int Total { get; init; }
    public required int Completed { get; init; }
    public required int Failed { get; init; }
    public required int NotFound { get; init; }
    public required int TimedOut { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Jobs still being waited for.</summary>
    public int Running => Total - Completed - Failed - NotFound - TimedOut;

    /// <summary>Share of jobs that have left the wait, 0–100, for <c>PercentComplete</c>.</summary>
    public int PercentComplete => Total == 0 ? 100 : (int)((Total - Running) * 100L / Total);
}
