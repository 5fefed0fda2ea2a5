using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Waiting;

/// <summary>One Get or one List page the waiter asked for, at the fake time it asked.</summary>
internal sealed record ServiceCall(string Operation, JobKind Kind, string? JobName, JobStatus? Status, string? NameFilter, TimeSpan At, int Page = 0);

/// <summary>
/// A fake account: jobs created and finishing at scripted fake times, List newest first in pages of 100, every call
/// recorded with its fake time, faults injected per call.
/// </summary>
internal sealed class ScriptedJobs(ManualClock clock) : ITranscribeJobs
{
    private readonly List<ScriptedJob> _jobs = [];

    public List<ServiceCall> Calls { get; } = [];

    /// <summary>Consulted before each call is answered: return an exception to fail that call with it.</summary>
    public Func<ServiceCall, TranscribeException?>? Fault { get; set; }

    /// <summary>Gets never answer; only cancellation ends them.</summary>
    public bool HangGets { get; set; }

    public IEnumerable<ServiceCall> Gets => Calls.Where(c => c.Operation == "Get");

    public IEnumerable<ServiceCall> Lists => Calls.Where(c => c.Operation == "List");

    /// <summary>Adds a job created <paramref name="createdAt"/> after the clock's origin (negative: before it).</summary>
    public ScriptedJob Add(JobKind kind, string name, TimeSpan finishesAt, string? failureReason = null, TimeSpan createdAt = default, TimeSpan? deletedAt = null)
    {
        var job = new ScriptedJob(kind, name, createdAt, finishesAt, failureReason) { DeletedAt = deletedAt ?? TimeSpan.MaxValue };
        _jobs.Add(job);
        return job;
    }

    /// <summary>The job as the pipeline would hold it right after Start: in progress, no outputs.</summary>
    public static TranscriptionJob Started(ScriptedJob job) => new()
    {
        JobName = job.Name,
        Kind = job.Kind,
        Status = JobStatus.InProgress,
        CreationTime = ManualClock.Origin + job.CreatedAt,
    };

    /// <summary>The most calls of one operation in any one-second window of fake time.</summary>
    public int PeakPerSecond(string operation)
    {
        var times = Calls.Where(c => c.Operation == operation).Select(c => c.At).ToList();
        return times.Count == 0 ? 0 : times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
    }

    /// <summary>The most calls of any operation in any one-second window of fake time.</summary>
    public int PeakCallsPerSecond()
    {
        var times = Calls.Select(c => c.At).ToList();
        return times.Count == 0 ? 0 : times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
    }

    public async Task<TranscriptionJob> GetAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Record(new ServiceCall("Get", kind, jobName, null, null, clock.Elapsed));
        if (HangGets)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var now = clock.Elapsed;
        var job = _jobs.FirstOrDefault(j => j.Kind == kind && j.Name == jobName && j.ExistsAt(now))
            ?? throw new TranscribeException(AwsErrorKind.NotFound, "The requested job couldn't be found. Check the job name and try your request again.", "NotFoundException", 404);
        return job.Read(now, withDetails: true);
    }

    public async IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, string? jobNameContains, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var now = clock.Elapsed;
        var matches = _jobs
            .Where(j => j.Kind == kind && j.ExistsAt(now))
            .Where(j => status is null || j.StatusAt(now) == status)
            .Where(j => jobNameContains is null || j.Name.Contains(jobNameContains, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(j => j.CreatedAt)
            .Select(j => j.Read(now, withDetails: false))
            .ToList();
        for (var page = 0; page == 0 || page * 100 < matches.Count; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Record(new ServiceCall("List", kind, null, status, jobNameContains, clock.Elapsed, page));
            foreach (var job in matches.Skip(page * 100).Take(100))
            {
                yield return job;
            }
        }
    }

    public Task DeleteAsync(JobKind kind, string jobName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The waiter never deletes.");

    private void Record(ServiceCall call)
    {
        Calls.Add(call);
        if (Fault?.Invoke(call) is { } fault)
        {
            throw fault;
        }
    }
}

internal sealed record ScriptedJob(JobKind Kind, string Name, TimeSpan CreatedAt, TimeSpan FinishesAt, string? FailureReason)
{
    public TimeSpan DeletedAt { get; init; } = TimeSpan.MaxValue;

    public bool ExistsAt(TimeSpan now) => now >= CreatedAt && now < DeletedAt;

    public JobStatus StatusAt(TimeSpan now) =>
        now >= FinishesAt ? (FailureReason is null ? JobStatus.Completed : JobStatus.Failed)
        : now >= CreatedAt + TimeSpan.FromSeconds(5) ? JobStatus.InProgress
        : JobStatus.Queued;

    public TranscriptionJob Read(TimeSpan now, bool withDetails)
    {
        var status = StatusAt(now);
        return new TranscriptionJob
        {
            JobName = Name,
            Kind = Kind,
            Status = status,
            MediaUri = withDetails ? $"s3://in/{Name}.wav" : null,
            TranscriptUri = withDetails && status == JobStatus.Completed ? $"s3://out/{Name}.json" : null,
            FailureReason = status == JobStatus.Failed ? FailureReason : null,
            CreationTime = ManualClock.Origin + CreatedAt,
            CompletionTime = status.IsFinished() ? ManualClock.Origin + FinishesAt : null,
        };
    }
}
