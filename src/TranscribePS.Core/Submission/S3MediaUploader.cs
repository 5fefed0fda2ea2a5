using System.Collections.Concurrent;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Submission;

/// <summary>
/// Uploads planned recordings through <see cref="S3Transfer"/>. Upload keys are content-addressed (the file name
/// ends in the first 12 hex digits of the content's SHA-256), so the first recording of a folder lists that folder
/// once and every recording of the batch is answered from the listing: a key listed with the recording's size holds
/// its bytes (skipped, no HeadObject), a key not listed is uploaded without a HeadObject. A folder too large to list,
/// or not listable (no s3:ListBucket), falls back to a HeadObject per recording, which skips objects that already
/// hold the same bytes (size and stored SHA-256). A bucket that does not exist fails every recording bound for it
/// with S3BucketNotFound, from the one listing, before any byte is sent; so does an output bucket other than the upload
/// bucket that does not exist (checked once per batch, <see cref="PlannedUpload.OutputBucket"/>).
/// </summary>
public sealed class S3MediaUploader : IMediaUploader
{
    private readonly S3Transfer _transfer;
    private readonly int _maxFolderPages;
    private readonly ConcurrentDictionary<(string Bucket, string Folder), Lazy<Task<Folder?>>> _folders = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _outputBuckets = new(StringComparer.Ordinal);

    public S3MediaUploader(S3Transfer transfer, SubmissionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        _transfer = transfer;
        _maxFolderPages = (options ?? SubmissionOptions.Default).MaxFolderListPages;
    }

    public async Task<UploadOutcome> UploadAsync(PlannedUpload upload, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var relay = progress is null ? null : new ProgressRelay(upload, progress);
        if (upload.OutputBucket is { } outputBucket)
        {
            await _outputBuckets.GetOrAdd(outputBucket, b => new Lazy<Task>(() => CheckOutputBucketAsync(b, cancellationToken))).Value.ConfigureAwait(false);
        }

        var folder = JobNaming.IsUploadKey(upload.Key, upload.ContentSha256)
            ? await FolderAsync(upload.Bucket, upload.Key, cancellationToken).ConfigureAwait(false)
            : null;
        bool checkExisting = true;
        if (folder is not null)
        {
            long? listed = folder.SizeOf(upload.Key);
            if (listed == upload.SizeBytes)
            {
                relay?.Report(new TransferProgress(upload.SizeBytes, upload.SizeBytes));
                return UploadOutcome.Skipped;
            }

            checkExisting = listed is not null;
        }

        // A recording changed after it was planned (still being written?) no longer matches its job name and key:
        // stop before uploading it, or before starting a job for what was uploaded. The planner's hash is trusted while
        // the file keeps the size and write time it had when hashed, so a large recording is read once more, not twice.
        UploadResult result;
        try
        {
            ThrowIfChanged(upload);
            result = await _transfer.UploadAsync(upload.LocalPath, upload.Bucket, upload.Key, relay, checkExisting, cancellationToken, upload.LastWriteUtc is null ? null : upload.ContentSha256).ConfigureAwait(false);
            ThrowIfChanged(upload);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Locked, deleted or unreadable between planning and upload: this recording's problem, not the batch's.
            throw new PlanProblemException(JobRules.MediaUnreadable(upload.LocalPath, ex));
        }

        // Without a write time from planning, S3Transfer hashed the file itself.
        if (!string.Equals(result.Sha256, upload.ContentSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw MediaChanged(upload);
        }

        folder?.Add(upload.Key, result.Size);
        return result.Skipped ? UploadOutcome.Skipped : UploadOutcome.Uploaded;
    }

    private static void ThrowIfChanged(PlannedUpload upload)
    {
        if (upload.LastWriteUtc is { } planned)
        {
            var file = new FileInfo(upload.LocalPath);
            if (!file.Exists)
            {
                throw new FileNotFoundException(Messages.PathNotFound(upload.LocalPath), upload.LocalPath);
            }

            if (file.Length != upload.SizeBytes || file.LastWriteTimeUtc != planned)
            {
                throw MediaChanged(upload);
            }
        }
    }

    private static PlanProblemException MediaChanged(PlannedUpload upload) =>
        new(new PlanProblem("MediaChanged", Messages.MediaChanged(upload.LocalPath), PlanProblemCategory.InvalidData, upload.LocalPath));

    private Task<Folder?> FolderAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var name = key[..(key.LastIndexOf('/') + 1)];
        return _folders.GetOrAdd((bucket, name), place => new Lazy<Task<Folder?>>(() => ListAsync(place.Bucket, place.Folder, cancellationToken))).Value;
    }

    private async Task<Folder?> ListAsync(string bucket, string folder, CancellationToken cancellationToken)
    {
        try
        {
            var keys = await _transfer.ListFolderAsync(bucket, folder, _maxFolderPages, cancellationToken).ConfigureAwait(false);
            return keys is null ? null : new Folder(keys);
        }
        catch (S3Exception ex) when (ex.ErrorCode is not "NoSuchBucket")
        {
            // Not allowed to list, or S3 kept failing: each upload checks its own key, as without a listing.
            return null;
        }
    }

    private async Task CheckOutputBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await _transfer.CheckBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception ex) when (ex.ErrorCode is not "NoSuchBucket")
        {
            // Not allowed to list it (the service writes outputs with its own rights) or S3 kept failing: the Start
            // will tell. Only a bucket S3 says does not exist stops the upload.
        }
    }

    /// <summary>One folder's keys and sizes, as listed, plus what this batch uploaded since.</summary>
    private sealed class Folder(IReadOnlyDictionary<string, long> listed)
    {
        private readonly ConcurrentDictionary<string, long> _keys = new(listed, StringComparer.Ordinal);

        public long? SizeOf(string key) => _keys.TryGetValue(key, out var size) ? size : null;

        public void Add(string key, long size) => _keys[key] = size;
    }

    // Reports synchronously (unlike Progress<T>) so the caller sees every step in order, labelled with the recording.
    private sealed class ProgressRelay(PlannedUpload upload, IProgress<UploadProgress> target) : IProgress<TransferProgress>
    {
        public void Report(TransferProgress value) =>
            target.Report(new UploadProgress(upload.LocalPath, value.BytesDone, value.BytesTotal ?? upload.SizeBytes));
    }
}
