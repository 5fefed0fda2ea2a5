using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Core.Submission;

/// <summary>
/// Runs plans, many at once from any number of threads: finds an existing job by the plan's name first, so a rerun
/// never submits a recording twice, then uploads (skipped when the object is there) and starts. Existence is checked
/// in bulk (one listing of the kind answers every plan, see <see cref="JobDirectory"/>; a Get only for names it
/// holds). Starts go out inside the account's concurrent-job window of their kind (<see cref="JobWindow"/>: a full
/// window or "too many jobs" waits for a slot, never fails). Calls are paced per operation under the service's request
/// quotas, and throttling and service faults are retried with backoff. Service failures that remain surface as <see cref="TranscribeException"/>; a name held by
/// another recording as <see cref="PlanProblemException"/> (<c>NameTaken</c>) unless the plan says Force.
/// </summary>
public sealed class JobSubmitter
{
    private readonly ITranscribeJobs _jobs;
    private readonly IJobStarter _starter;
    private readonly IMediaUploader _uploader;
    private readonly ServiceRetry _retry;
    private readonly JobDirectory _directory;
    private readonly Dictionary<JobKind, CallPacer> _startPacers;
    private readonly Dictionary<JobKind, CallPacer> _getPacers;
    private readonly Dictionary<JobKind, JobWindow> _windows;

    /// <param name="jobs">The service's job operations.</param>
    /// <param name="starter">Starts a planned job.</param>
    /// <param name="uploader">Puts a local recording in S3.</param>
    /// <param name="options">Call rates and retries; <see cref="SubmissionOptions.Default"/> when null.</param>
    /// <param name="clock">For pacing and backoff; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="random">Jitter of the backoff; <see cref="Random.Shared"/> when null.</param>
    /// <param name="slotProgress">Told when a Start waits for a slot in the concurrent-job window, and when the wait ends.</param>
    public JobSubmitter(ITranscribeJobs jobs, IJobStarter starter, IMediaUploader uploader, SubmissionOptions? options = null, TimeProvider? clock = null, Random? random = null, IProgress<SlotWait>? slotProgress = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(uploader);
        _jobs = jobs;
        _starter = starter;
        _uploader = uploader;
        options ??= SubmissionOptions.Default;
        clock ??= TimeProvider.System;
        _retry = new ServiceRetry(options, clock, random ?? Random.Shared);
        var listPacer = new CallPacer(options.ListCallsPerSecond, clock);
        _directory = new JobDirectory(jobs, options, listPacer, _retry);
        _windows = Enum.GetValues<JobKind>().ToDictionary(
            k => k,
            k => new JobWindow(k, options.ConcurrentJobs(k), () => _directory.ListedRunningAsync(k), jobs, listPacer, _retry, options, clock) { Progress = slotProgress });
        _startPacers = Enum.GetValues<JobKind>().ToDictionary(k => k, k => new CallPacer(options.StartRate(k), clock));
        _getPacers = Enum.GetValues<JobKind>().ToDictionary(k => k, k => new CallPacer(options.GetRate(k), clock));
    }

    public async Task<SubmissionResult> SubmitAsync(JobPlan plan, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        bool replaced = false;
        var existing = await _directory.LookupAsync(plan.Kind, plan.JobName, cancellationToken).ConfigureAwait(false) == Presence.Absent
            ? null
            : await TryGetAsync(plan, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (Decide(plan, existing) == Decision.Reuse)
            {
                return new SubmissionResult(existing, SubmissionOutcome.Reused, UploadOutcome.None);
            }

            await DeleteAsync(plan, cancellationToken).ConfigureAwait(false);
            replaced = true;
        }

        var upload = plan.Upload is null
            ? UploadOutcome.None
            : await _retry.RunAsync(token => _uploader.UploadAsync(plan.Upload, progress, token), cancellationToken).ConfigureAwait(false);

        // Two attempts: the second only after another runner took the name between our Get and Start and the
        // plan allowed replacing it, or the name came free again.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var job = await StartAsync(plan, cancellationToken).ConfigureAwait(false);
                _directory.Remember(plan.Kind, plan.JobName);
                return new SubmissionResult(job, replaced ? SubmissionOutcome.Replaced : SubmissionOutcome.Started, upload);
            }
            catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NameConflict && attempt == 0)
            {
                existing = await TryGetAsync(plan, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    continue;
                }

                if (Decide(plan, existing) == Decision.Reuse)
                {
                    return new SubmissionResult(existing, SubmissionOutcome.Reused, upload);
                }

                await DeleteAsync(plan, cancellationToken).ConfigureAwait(false);
                replaced = true;
            }
        }
    }

    private enum Decision
    {
        Reuse,
        Replace,
    }

    /// <summary>Same recording: reuse (or replace a failed job when forced). Another recording: replace only when forced.</summary>
    private static Decision Decide(JobPlan plan, TranscriptionJob existing)
    {
        if (SameMedia(existing.MediaUri, plan.MediaUri))
        {
            return plan.Force && existing.Status == JobStatus.Failed ? Decision.Replace : Decision.Reuse;
        }

        if (plan.Force)
        {
            return Decision.Replace;
        }

        throw new PlanProblemException(new PlanProblem(
            "NameTaken",
            Messages.NameTaken(plan.JobName, existing.MediaUri, plan.MediaUri),
            PlanProblemCategory.ResourceExists,
            plan.JobName));
    }

    private static bool SameMedia(string? existing, string planned)
    {
        if (existing is null)
        {
            return false;
        }

        return S3Uri.TryParse(existing, out string bucket, out string key) && S3Uri.TryParse(planned, out string plannedBucket, out string plannedKey)
            ? string.Equals(bucket, plannedBucket, StringComparison.OrdinalIgnoreCase) && string.Equals(key, plannedKey, StringComparison.Ordinal)
            : string.Equals(existing.Trim(), planned, StringComparison.Ordinal);
    }

    /// <summary>
    /// A Start inside the kind's concurrent-job window, retried through throttling and faults; "too many jobs" is
    /// waited out. A call analytics job with a data access role is not windowed: the service queues it itself. A retry
    /// after a Start that did reach the service answers ConflictException, which the caller resolves like any race:
    /// the job is found and reused.
    /// </summary>
    private async Task<TranscriptionJob> StartAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        var window = _windows[plan.Kind];
        bool windowed = plan is not CallAnalyticsJobPlan { DataAccessRoleArn: not null };
        while (true)
        {
            int? ticket = windowed ? await window.AcquireAsync(cancellationToken).ConfigureAwait(false) : null;
            try
            {
                var job = await _retry.RunAsync(
                    async token =>
                    {
                        await _startPacers[plan.Kind].WaitAsync(token).ConfigureAwait(false);
                        return await _starter.StartAsync(plan, token).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                if (ticket is not null)
                {
                    window.Started();
                }

                return job;
            }
            catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.TooManyConcurrentJobs)
            {
                // Also for a Start that went out unwindowed: the service did not queue it after all, so the window rules.
                windowed = true;
                await window.RefusedAsync(ticket, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NameConflict && ticket is not null)
            {
                // A job of the name exists (our lost answer's, or another runner's): it holds a slot.
                window.Started();
                throw;
            }
            catch when (ticket is not null)
            {
                window.Failed();
                throw;
            }
        }
    }

    private async Task<TranscriptionJob?> TryGetAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.RunAsync(
                async token =>
                {
                    await _getPacers[plan.Kind].WaitAsync(token).ConfigureAwait(false);
                    return await _jobs.GetAsync(plan.Kind, plan.JobName, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    private async Task DeleteAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.RunAsync(token => _jobs.DeleteAsync(plan.Kind, plan.JobName, token), cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
        {
            // Already gone: the name is free either way.
        }
    }
}
