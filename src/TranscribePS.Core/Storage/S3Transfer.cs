using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using TranscribePS.Core.Aws;

namespace TranscribePS.Core.Storage;

/// <summary>Bytes moved so far of one transfer (Total is null when the size is unknown).</summary>
public readonly record struct TransferProgress(long BytesDone, long? BytesTotal);

/// <summary>The outcome of an upload; <see cref="Skipped"/> when an identical object was already there.</summary>
public sealed record UploadResult(S3Location Location, long Size, string Sha256, bool Skipped);

/// <summary>What a HEAD of an object reports.</summary>
public sealed record S3ObjectInfo(S3Location Location, long Size, string? ETag, DateTimeOffset? LastModified, string? ContentType, string? Sha256);

/// <summary>
/// Uploads recordings to and reads outputs from S3. Uploads skip objects that already hold the same bytes (same size
/// and the SHA-256 this class stores as user metadata), so re-running a batch never uploads twice; files from
/// <see cref="MultipartThreshold"/> up go in parts. Every failure is a <see cref="TranscribeException"/>.
/// </summary>
public sealed class S3Transfer
{
    /// <summary>Files of this size and larger are uploaded in parts.</summary>
    public const long MultipartThreshold = 16L * 1024 * 1024;

    /// <summary>The part size of multipart uploads.</summary>
    public const long PartSize = 8L * 1024 * 1024;

    /// <summary>User metadata name (sent as <c>x-amz-meta-transcribeps-sha256</c>) holding the hex SHA-256 of the object.</summary>
    public const string Sha256MetadataName = "transcribeps-sha256";

    private static readonly HttpClient SharedHttp = new();

    private readonly IAmazonS3 s3;
    private readonly HttpClient http;

    /// <param name="s3">The S3 client (from <see cref="AwsSettings.S3"/>).</param>
    /// <param name="http">Used for pre-signed https URLs only; a shared client when null.</param>
    public S3Transfer(IAmazonS3 s3, HttpClient? http = null)
    {
        this.s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        this.http = http ?? SharedHttp;
    }

    public async Task<UploadResult> UploadAsync(string localPath, string bucket, string key, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var location = new S3Location(bucket, key);
        var file = new FileInfo(localPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException(Messages.UploadFileMissing(localPath), localPath);
        }

        var size = file.Length;
        var sha256 = await HashFileAsync(file, cancellationToken).ConfigureAwait(false);
        var existing = await TryHeadForUploadAsync(location, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.Size == size && string.Equals(existing.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            progress?.Report(new TransferProgress(size, size));
            return new UploadResult(location, size, sha256, Skipped: true);
        }

        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = key,
            FilePath = file.FullName,
            PartSize = PartSize,
        };
        request.Metadata[Sha256MetadataName] = sha256;
        if (progress is not null)
        {
            request.UploadProgressEvent += (_, e) => progress.Report(new TransferProgress(e.TransferredBytes, e.TotalBytes));
        }

        using var utility = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
        await GuardAsync(() => utility.UploadAsync(request, cancellationToken), size >= MultipartThreshold ? "UploadPart" : "PutObject", location, cancellationToken).ConfigureAwait(false);
        return new UploadResult(location, size, sha256, Skipped: false);
    }

    /// <summary>
    /// Opens an object for streaming reads (nothing is buffered whole). Pre-signed https URLs, such as the
    /// service-bucket TranscriptFileUri of a call analytics job, are read over plain HTTPS.
    /// </summary>
    public async Task<Stream> OpenReadAsync(S3Location location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsPresigned)
        {
            return await OpenPresignedAsync(location, cancellationToken).ConfigureAwait(false);
        }

        var response = await GuardAsync(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "GetObject", location, cancellationToken).ConfigureAwait(false);
        return new OwningStream(response.ResponseStream, response, response.ContentLength);
    }

    /// <summary>
    /// Downloads to <paramref name="localPath"/> through a temporary file beside it, so an interrupted download never
    /// leaves a partial file under the final name.
    /// </summary>
    public async Task DownloadToFileAsync(S3Location location, string localPath, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var target = Path.GetFullPath(localPath);
        var temporary = target + ".part-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var source = await OpenReadAsync(location, cancellationToken).ConfigureAwait(false))
            await using (var destination = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                long? total = source is OwningStream { KnownLength: { } length } ? length : null;
                var buffer = new byte[81920];
                long done = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    done += read;
                    progress?.Report(new TransferProgress(done, total));
                }
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Task DeleteAsync(S3Location location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        return GuardAsync(() => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "DeleteObject", location, cancellationToken);
    }

    /// <summary>The object's size and metadata, or null when there is no such object.</summary>
    public async Task<S3ObjectInfo?> HeadAsync(S3Location location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            var head = await GuardAsync(() => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "HeadObject", location, cancellationToken).ConfigureAwait(false);
            var sha = head.Metadata[Sha256MetadataName];
            return new S3ObjectInfo(location, head.ContentLength, head.ETag, head.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null, head.Headers.ContentType, string.IsNullOrEmpty(sha) ? null : sha);
        }
        catch (TranscribeException ex) when (ex.Kind == TranscribeErrorKind.NotFound && ex.ErrorCode is not "NoSuchBucket")
        {
            return null;
        }
    }

    public static async Task<string> HashFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    // Without s3:ListBucket, S3 answers a HEAD of a missing key with 403; the upload itself then decides.
    private async Task<S3ObjectInfo?> TryHeadForUploadAsync(S3Location location, CancellationToken cancellationToken)
    {
        try
        {
            return await HeadAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == TranscribeErrorKind.AccessDenied)
        {
            return null;
        }
    }

    private async Task<Stream> OpenPresignedAsync(S3Location location, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(location.PresignedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TranscribeErrors.Translate(ex, "GetObject", location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            var kind = status == (int)HttpStatusCode.Forbidden ? TranscribeErrorKind.AccessDenied : TranscribeErrors.Classify(null, status, null, "GetObject");
            throw new TranscribeException(kind, Messages.PresignedReadFailed(location.ToString(), status), statusCode: status);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new OwningStream(body, response, response.Content.Headers.ContentLength);
    }

    private static async Task GuardAsync(Func<Task> call, string operation, S3Location location, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (TranscribeErrors.Translate(ex, operation, location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> call, string operation, S3Location location, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (TranscribeErrors.Translate(ex, operation, location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
