using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Submission;

/// <summary>Uploads planned recordings through <see cref="S3Transfer"/>, which skips objects that already hold the same bytes.</summary>
public sealed class S3MediaUploader : IMediaUploader
{
    private readonly S3Transfer _transfer;

    public S3MediaUploader(S3Transfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        _transfer = transfer;
    }

    public async Task<UploadOutcome> UploadAsync(PlannedUpload upload, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var relay = progress is null ? null : new ProgressRelay(upload, progress);
        UploadResult result;
        try
        {
            result = await _transfer.UploadAsync(upload.LocalPath, upload.Bucket, upload.Key, relay, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Locked, deleted or unreadable between planning and upload: this recording's problem, not the batch's.
            throw new PlanProblemException(JobRules.MediaUnreadable(upload.LocalPath, ex));
        }


        // S3Transfer hashes the file again as it uploads. A different hash means the recording changed after it was
        // planned (still being written?), so the job name and key no longer describe it: stop before starting a job.
        if (!string.Equals(result.Sha256, upload.ContentSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PlanProblemException(new PlanProblem("MediaChanged", Messages.MediaChanged(upload.LocalPath), PlanProblemCategory.InvalidData, upload.LocalPath));
        }

        return result.Skipped ? UploadOutcome.Skipped : UploadOutcome.Uploaded;
    }

    // Reports synchronously (unlike Progress<T>) so the caller sees every step in order, labelled with the recording.
    private sealed class ProgressRelay(PlannedUpload upload, IProgress<UploadProgress> target) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) =>
            target.Report(new UploadProgress(upload.LocalPath, value.BytesDone, value.BytesTotal ?? upload.SizeBytes));
    }
}
