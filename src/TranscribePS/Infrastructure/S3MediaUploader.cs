using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>The submitter's uploader over S3Transfer, which skips the upload when the same content is already there.</summary>
internal sealed class S3MediaUploader(S3Transfer storage) : IMediaUploader
{
    public async Task<UploadOutcome> UploadAsync(PlannedUpload upload, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = progress is null ? null : new BytesProgress(upload, progress);
        var result = await storage.UploadAsync(upload.LocalPath, upload.Bucket, upload.Key, bytes, cancellationToken).ConfigureAwait(false);
        return result.Skipped ? UploadOutcome.Skipped : UploadOutcome.Uploaded;
    }

    private sealed class BytesProgress(PlannedUpload upload, IProgress<UploadProgress> inner) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value)
            => inner.Report(new UploadProgress(upload.LocalPath, value.BytesDone, value.BytesTotal ?? upload.SizeBytes));
    }
}
