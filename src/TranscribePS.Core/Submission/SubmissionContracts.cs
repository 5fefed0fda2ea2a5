using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Submission;

/// <summary>Starts the job a plan describes; implemented over the typed Transcribe client.</summary>
public interface IJobStarter
{
    /// <summary>Starts the job. A taken name surfaces as a TranscribeException of kind NameConflict.</summary>
    Task<TranscriptionJob> StartAsync(JobPlan plan, CancellationToken cancellationToken);
}

/// <summary>Puts a local recording in S3, skipping the upload when an identical object is already there.</summary>
public interface IMediaUploader
{
    Task<UploadOutcome> UploadAsync(PlannedUpload upload, IProgress<UploadProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Bytes sent so far for one recording.</summary>
/// <param name="LocalPath">The recording being uploaded.</param>
/// <param name="BytesTransferred">Bytes sent so far.</param>
/// <param name="TotalBytes">The file's size.</param>
public sealed record UploadProgress(string LocalPath, long BytesTransferred, long TotalBytes);

public enum UploadOutcome
{
    /// <summary>The recording was already in S3 (given as a URI): nothing to upload.</summary>
    None,
    Uploaded,

    /// <summary>An object with the same content was already at the key.</summary>
    Skipped,
}

public enum SubmissionOutcome
{
    /// <summary>A new job was started.</summary>
    Started,

    /// <summary>A job of that name already existed for the same recording and was returned as it is.</summary>
    Reused,

    /// <summary>A job of that name was deleted (-Force) and a new one started.</summary>
    Replaced,
}

/// <summary>What submitting one plan did.</summary>
/// <param name="Job">The started or reused job.</param>
/// <param name="Outcome">Started, reused or replaced.</param>
/// <param name="Upload">Whether the recording was uploaded.</param>
public sealed record SubmissionResult(TranscriptionJob Job, SubmissionOutcome Outcome, UploadOutcome Upload)
{
    /// <summary>
    /// What the user must hear although nothing failed: a rerun that reused a job which had failed (it is not
    /// started again without -Force). Null otherwise.
    /// </summary>
    public string? Warning => Outcome == SubmissionOutcome.Reused && Job.Status == JobStatus.Failed
        ? Messages.JobFailed(Job.JobName, Job.FailureReason)
        : null;
}
