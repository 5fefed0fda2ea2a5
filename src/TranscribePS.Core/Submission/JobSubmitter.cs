using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Submission;

/// <summary>
/// Runs plans: finds an existing job by the plan's name first, so a rerun never submits a recording twice, then
/// uploads (skipped when the object is there) and starts. Service failures surface as
/// <see cref="TranscribeException"/>; a name held by another recording as <see cref="PlanProblemException"/>
/// (<c>NameTaken</c>) unless the plan says Force.
/// </summary>
public sealed class JobSubmitter
{
    private readonly ITranscribeJobs _jobs;
    private readonly IJobStarter _starter;
    private readonly IMediaUploader _uploader;

    public JobSubmitter(ITranscribeJobs jobs, IJobStarter starter, IMediaUploader uploader)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(uploader);
        _jobs = jobs;
        _starter = starter;
        _uploader = uploader;
    }

    public async Task<SubmissionResult> SubmitAsync(JobPlan plan, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);

        bool replaced = false;
        var existing = await TryGetAsync(plan, cancellationToken).ConfigureAwait(false);
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
            : await _uploader.UploadAsync(plan.Upload, progress, cancellationToken).ConfigureAwait(false);

        // Two attempts: the second only after another runner took the name between our Get and Start and the
        // plan allowed replacing it, or the name came free again.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var job = await _starter.StartAsync(plan, cancellationToken).ConfigureAwait(false);
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

    private async Task<TranscriptionJob?> TryGetAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            return await _jobs.GetAsync(plan.Kind, plan.JobName, cancellationToken).ConfigureAwait(false);
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
            await _jobs.DeleteAsync(plan.Kind, plan.JobName, cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
        {
            // Already gone: the name is free either way.
        }
    }
}
