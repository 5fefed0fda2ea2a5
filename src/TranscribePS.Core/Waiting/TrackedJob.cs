using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>The waiter's bookkeeping for one job it still waits for.</summary>
internal sealed class TrackedJob
{
    public TrackedJob(int order, TranscriptionJob input)
    {
        Order = order;
        Kind = input.Kind;
        Name = input.JobName;
        Input = input;
        Latest = input;
        CreationTime = input.CreationTime;
    }

    /// <summary>Position in the order jobs were added, so ties and timeouts come out in the order the caller gave.</summary>
    public int Order { get; }
    public JobKind Kind { get; }
    public string Name { get; }
    public TranscriptionJob Input { get; }

    /// <summary>The newest state read from the service (or the input until then).</summary>
    public TranscriptionJob Latest { get; set; }
    public DateTimeOffset? CreationTime { get; set; }
    public DateTimeOffset? LastRead { get; set; }

    /// <summary>A List (or the input) says the job finished; a Get has not yet returned the finished job.</summary>
    public bool FinishHinted { get; set; }

    /// <summary>Consecutive NotFound answers; one may be a stale read right after completion, so a second confirms.</summary>
    public int NotFoundStrikes { get; set; }

    /// <summary>When the job joined the wait; its deadline counts from here.</summary>
    public DateTimeOffset Joined { get; set; }

    public DateTimeOffset Deadline { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>How the job left the wait; null while it is still waited for.</summary>
    public WaitOutcome? Outcome { get; set; }

    public bool NeedsGet => CreationTime is null || FinishHinted || NotFoundStrikes > 0;
}
