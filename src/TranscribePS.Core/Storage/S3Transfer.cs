using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
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
/// <see cref="MultipartThreshold"/> up go in parts. Every failure is an <see cref="S3Exception"/>.
/// </summary>
public sealed class S3Transfer
{
    /// <summary>Files of this size and larger are uploaded in parts.</summary>
    public const long MultipartThreshold = 16L * 1024 * 1024;

    /// <summary>The part size of multipart uploads.</summary>
    public const long PartSize = 8L * 1024 * 1024;

    /// <summary>User metadata name (sent as <c>x-amz-meta-transcribeps-sha256</c>) holding the hex SHA-256 of the object.</summary>
    public const string Sha256MetadataName = "transcribeps-sha256";

    /// <summary>
    /// Attempts of one read whose body breaks off part-way (a dropped connection): a window is fetched again, a download
    /// resumes where it stopped. The SDK retries a failed request, but not a body that stops after the answer began.
    /// </summary>
    internal const int ReadAttempts = 4;

    private static readonly HttpClient SharedHttp = new();

    private readonly IAmazonS3 _s3;
    private readonly HttpClient _http;
    private readonly bool _renewsCredentials;
    private readonly Amazon.Runtime.AWSCredentials? _credentials;

    /// <param name="s3">The S3 client (from <see cref="AwsSettings.S3"/>).</param>
    /// <param name="http">Used for pre-signed https URLs only; a shared client when null.</param>
    public S3Transfer(IAmazonS3 s3, HttpClient? http = null)
    {
        _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        _http = http ?? SharedHttp;
    }

    /// <summary>The pause before the second attempt of a broken-off read; it doubles for each further attempt.</summary>
    internal TimeSpan FirstReadRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Over a client that signs with <paramref name="credentials"/> (null: the SDK's default chain): a call whose
    /// session token expired is repeated once if the credentials could be read anew (<see cref="RenewableCredentials"/>).
    /// </summary>
    internal S3Transfer(IAmazonS3 s3, Amazon.Runtime.AWSCredentials? credentials)
        : this(s3)
    {
        _credentials = credentials;
        _renewsCredentials = true;
    }

    public Task<UploadResult> UploadAsync(string localPath, string bucket, string key, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
        => UploadAsync(localPath, bucket, key, progress, checkExisting: true, cancellationToken);

    /// <param name="localPath">The file to upload.</param>
    /// <param name="bucket">The target bucket.</param>
    /// <param name="key">The target key.</param>
    /// <param name="progress">Bytes sent so far.</param>
    /// <param name="checkExisting">
    /// False when the caller already knows the key is free (a listing of its folder did not hold it): no HeadObject.
    /// </param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <param name="knownSha256">
    /// The file's SHA-256 when the caller has just computed it (and checks the file did not change since): the file
    /// is then read once, by the upload, instead of hashed first.
    /// </param>
    public async Task<UploadResult> UploadAsync(string localPath, string bucket, string key, IProgress<TransferProgress>? progress, bool checkExisting, CancellationToken cancellationToken, string? knownSha256 = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var location = new S3Location(bucket, key);
        var file = new FileInfo(localPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException(Messages.PathNotFound(localPath), localPath);
        }

        var size = file.Length;
        var sha256 = knownSha256 ?? await HashFileAsync(file, cancellationToken).ConfigureAwait(false);
        var existing = checkExisting ? await TryHeadForUploadAsync(location, cancellationToken).ConfigureAwait(false) : null;
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

        // The SDK raises progress events from its own threads and may skip the last one for small objects: the
        // final report is ours, and events arriving after it are dropped so a bar never moves backwards.
        var gate = new object();
        bool finished = false;
        if (progress is not null)
        {
            request.UploadProgressEvent += (_, e) =>
            {
                lock (gate)
                {
                    if (!finished)
                    {
                        progress.Report(new TransferProgress(e.TransferredBytes, e.TotalBytes));
                    }
                }
            };
        }

        using var utility = new TransferUtility(_s3, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold });
        await GuardAsync(() => utility.UploadAsync(request, cancellationToken), size >= MultipartThreshold ? "UploadPart" : "PutObject", location, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            finished = true;
            progress?.Report(new TransferProgress(size, size));
        }

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

        var response = await GuardAsync(() => _s3.GetObjectAsync(new GetObjectRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "GetObject", location, cancellationToken).ConfigureAwait(false);
        return new OwningStream(response.ResponseStream, response, response.ContentLength);
    }

    /// <summary>
    /// Opens an object for reading with seeking, served by ranged GETs of 2 MiB windows with one window of read-ahead
    /// (the transcript readers peek at the end of a file, then stream from its start, so nothing is spooled to disk). A pre-signed URL whose server does
    /// not honour <c>Range</c> is read as by <see cref="OpenReadAsync"/>, forward only.
    /// </summary>
    public Task<Stream> OpenSeekableReadAsync(S3Location location, CancellationToken cancellationToken)
        => OpenSeekableReadAsync(location, RangedReadStream.DefaultWindowSize, cancellationToken);

    /// <summary>As <see cref="OpenSeekableReadAsync(S3Location, CancellationToken)"/>, with a chosen window size (tests).</summary>
    internal async Task<Stream> OpenSeekableReadAsync(S3Location location, int windowSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        if (location.IsPresigned)
        {
            return await OpenPresignedSeekableAsync(location, windowSize, cancellationToken).ConfigureAwait(false);
        }

        // The first window's GET also tells the object's size (Content-Range), so opening costs one request.
        var opened = await RetryBrokenReadAsync(location, token => OpenFirstWindowAsync(location, windowSize, token), cancellationToken).ConfigureAwait(false);

        // Only an empty object has no byte 0.
        return opened ?? await OpenReadAsync(location, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Stream?> OpenFirstWindowAsync(S3Location location, int windowSize, CancellationToken cancellationToken)
    {
        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(RangeRequest(location, 0, windowSize), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return null;
        }
        catch (Exception ex) when (AwsErrors.Translate(AwsService.S3, ex, "GetObject", location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }

        using (response)
        {
            long length = TotalFromContentRange(response.ContentRange) ?? response.ContentLength;
            var first = await ReadBodyAsync(response.ResponseStream, (int)Math.Min(windowSize, length), location, cancellationToken).ConfigureAwait(false);
            return new RangedReadStream((offset, count, ct) => FetchRangeAsync(location, offset, count, ct), length, windowSize, first);
        }
    }

    /// <summary>
    /// Downloads to <paramref name="localPath"/> through a temporary file beside it, so an interrupted download never
    /// leaves a partial file under the final name. Both are owner-only on Unix (<see cref="LocalFiles"/>); partial
    /// files of the same target that a killed run left behind are deleted first. A body that breaks off part-way is
    /// resumed from the byte it stopped at (a ranged GET of the same version, by ETag), up to <see cref="ReadAttempts"/>
    /// attempts; then the download fails with an <see cref="S3Exception"/> and nothing is left behind.
    /// </summary>
    public async Task DownloadToFileAsync(S3Location location, string localPath, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var target = Path.GetFullPath(localPath);
        LocalFiles.RemoveStalePartials(target);
        var temporary = LocalFiles.PartialPath(target);
        try
        {
            await using (var destination = LocalFiles.CreateNew(temporary))
            {
                var buffer = new byte[81920];
                long done = 0;
                long? total = null;
                string? etag = null;
                for (int attempt = 1; ; attempt++)
                {
                    Exception? broken = null;
                    await using (var source = await OpenFromAsync(location, done, total, etag, cancellationToken).ConfigureAwait(false))
                    {
                        if (done > 0 && !source.Resumed)
                        {
                            // The server sent the whole object again instead of the rest: start over.
                            destination.SetLength(0);
                            done = 0;
                        }

                        total ??= source.KnownLength;
                        etag ??= source.ETag;
                        while (true)
                        {
                            int read;
                            try
                            {
                                read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                            }
                            catch (Exception ex) when (IsBrokenRead(ex, cancellationToken))
                            {
                                broken = ex;
                                break;
                            }

                            if (read == 0)
                            {
                                break;
                            }

                            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                            done += read;
                            progress?.Report(new TransferProgress(done, total));
                        }
                    }

                    if (broken is null)
                    {
                        break;
                    }

                    await PauseOrGiveUpAsync(location, attempt, broken, cancellationToken).ConfigureAwait(false);
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
        return GuardAsync(() => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "DeleteObject", location, cancellationToken);
    }

    /// <summary>
    /// The keys directly in one folder of a bucket (<paramref name="folder"/> is empty or ends in '/'), with their sizes,
    /// read 1,000 a page; null when the folder holds more than <paramref name="maxPages"/> pages.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>?> ListFolderAsync(string bucket, string folder, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(folder);
        var location = new S3Location(bucket, folder);
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        string? token = null;
        for (int page = 0; page < maxPages; page++)
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = folder, Delimiter = "/", ContinuationToken = token, MaxKeys = 1000 };
            var response = await GuardAsync(() => _s3.ListObjectsV2Async(request, cancellationToken), "ListObjectsV2", location, cancellationToken).ConfigureAwait(false);
            foreach (var entry in response.S3Objects ?? [])
            {
                keys[entry.Key] = entry.Size ?? 0;
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                return keys;
            }

            token = response.NextContinuationToken;
        }

        return null;
    }

    /// <summary>
    /// Fails with <see cref="S3Exception"/> (<c>NoSuchBucket</c>) when the bucket does not exist: one ListObjectsV2 of a
    /// single key, the permission (s3:ListBucket) HeadBucket needs too.
    /// </summary>
    public Task CheckBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var request = new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 };
        return GuardAsync(() => _s3.ListObjectsV2Async(request, cancellationToken), "ListObjectsV2", new S3Location(bucket, string.Empty), cancellationToken);
    }

    /// <summary>The object's size and metadata, or null when there is no such object.</summary>
    public async Task<S3ObjectInfo?> HeadAsync(S3Location location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            var head = await GuardAsync(() => _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken), "HeadObject", location, cancellationToken).ConfigureAwait(false);
            var sha = head.Metadata[Sha256MetadataName];
            return new S3ObjectInfo(location, head.ContentLength, head.ETag, head.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null, head.Headers.ContentType, string.IsNullOrEmpty(sha) ? null : sha);
        }
        catch (S3Exception ex) when (ex.Kind == AwsErrorKind.NotFound && ex.ErrorCode is not "NoSuchBucket")
        {
            return null;
        }
    }

    public static async Task<string> HashFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        return await HashAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the rest of <paramref name="content"/>: the form kept in the object's
    /// <see cref="Sha256MetadataName"/> metadata, which the planner's content hash must match for an upload to be skipped.
    /// </summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    // Without s3:ListBucket, S3 answers a HEAD of a missing key with 403; the upload itself then decides.
    private async Task<S3ObjectInfo?> TryHeadForUploadAsync(S3Location location, CancellationToken cancellationToken)
    {
        try
        {
            return await HeadAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (S3Exception ex) when (ex.Kind == AwsErrorKind.AccessDenied)
        {
            return null;
        }
    }

    private async Task<Stream> OpenPresignedAsync(S3Location location, CancellationToken cancellationToken)
    {
        var response = await PresignedGetAsync(location, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new OwningStream(body, response, response.Content.Headers.ContentLength);
    }

    private async Task<HttpResponseMessage> PresignedGetAsync(S3Location location, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(location.PresignedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsErrors.Translate(AwsService.S3, ex, "GetObject", location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw PresignedFailure(location, status);
        }

        return response;
    }

    private static S3Exception PresignedFailure(S3Location location, int status)
    {
        var kind = status == (int)HttpStatusCode.Forbidden ? AwsErrorKind.AccessDenied : AwsErrors.Classify(null, status, null, "GetObject");
        return new S3Exception(kind, Messages.PresignedReadFailed(location.ToString(), status), statusCode: status);
    }

    private Task<Stream> OpenPresignedSeekableAsync(S3Location location, int windowSize, CancellationToken cancellationToken)
        => RetryBrokenReadAsync(location, token => OpenPresignedFirstWindowAsync(location, windowSize, token), cancellationToken);

    private async Task<Stream> OpenPresignedFirstWindowAsync(S3Location location, int windowSize, CancellationToken cancellationToken)
    {
        var response = await SendPresignedRangeAsync(location, 0, windowSize, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.PartialContent || response.Content.Headers.ContentRange?.Length is not { } length)
        {
            // The server sent the whole body (no Range support): read it forward only, as before.
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new OwningStream(body, response, response.Content.Headers.ContentLength);
        }

        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var first = await ReadBodyAsync(stream, (int)Math.Min(windowSize, length), location, cancellationToken).ConfigureAwait(false);
            return new RangedReadStream((offset, count, ct) => FetchPresignedRangeAsync(location, offset, count, ct), length, windowSize, first);
        }
    }

    private Task<byte[]> FetchPresignedRangeAsync(S3Location location, long offset, int count, CancellationToken cancellationToken)
        => RetryBrokenReadAsync(
            location,
            async token =>
            {
                using var response = await SendPresignedRangeAsync(location, offset, count, token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.PartialContent)
                {
                    throw new S3Exception(AwsErrorKind.ServiceFault, Messages.RangedReadNotHonoured(location.ToString()), statusCode: (int)response.StatusCode);
                }

                var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                return await ReadBodyAsync(stream, count, location, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>A ranged GET of a pre-signed URL; an error status fails as a plain read does.</summary>
    private async Task<HttpResponseMessage> SendPresignedRangeAsync(S3Location location, long offset, int count, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using var request = new HttpRequestMessage(HttpMethod.Get, location.PresignedUrl);
        request.Headers.Range = new RangeHeaderValue(offset, offset + count - 1);
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsErrors.Translate(AwsService.S3, ex, "GetObject", location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset == 0)
        {
            // Only an empty object has no byte 0: ask again without a range.
            response.Dispose();
            return await PresignedGetAsync(location, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw PresignedFailure(location, status);
        }

        return response;
    }

    private Task<byte[]> FetchRangeAsync(S3Location location, long offset, int count, CancellationToken cancellationToken)
        => RetryBrokenReadAsync(
            location,
            async token =>
            {
                using var response = await GuardAsync(() => _s3.GetObjectAsync(RangeRequest(location, offset, count), token), "GetObject", location, token).ConfigureAwait(false);
                return await ReadBodyAsync(response.ResponseStream, count, location, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Runs a read (request and body) again when its body broke off part-way, up to <see cref="ReadAttempts"/> attempts.</summary>
    private async Task<T> RetryBrokenReadAsync<T>(S3Location location, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await read(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsBrokenRead(ex, cancellationToken))
            {
                await PauseOrGiveUpAsync(location, attempt, ex, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits before the next attempt of a broken-off read, or fails when that was the last one.</summary>
    private Task PauseOrGiveUpAsync(S3Location location, int attempt, Exception broken, CancellationToken cancellationToken)
    {
        if (attempt >= ReadAttempts)
        {
            throw new S3Exception(AwsErrorKind.ServiceFault, Messages.ReadBrokenOff(location.ToString(), attempt, broken.Message), innerException: broken);
        }

        return Task.Delay(FirstReadRetryDelay * Math.Pow(2, attempt - 1), cancellationToken);
    }

    /// <summary>
    /// A body that stopped before its Content-Length (the connection dropped after the answer began). A shorter body
    /// than asked for that ended cleanly (<see cref="EndOfStreamException"/>) is not one: the object changed.
    /// </summary>
    private static bool IsBrokenRead(Exception exception, CancellationToken cancellationToken)
        => !cancellationToken.IsCancellationRequested
            && exception is (IOException and not EndOfStreamException) or HttpRequestException;

    /// <summary>
    /// The object from byte <paramref name="offset"/> on: all of it at 0, else the rest of the version with
    /// <paramref name="etag"/> (a ranged GET; S3 answers 412 when the object was replaced meanwhile).
    /// </summary>
    private async Task<OwningStream> OpenFromAsync(S3Location location, long offset, long? total, string? etag, CancellationToken cancellationToken)
    {
        if (location.IsPresigned)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, location.PresignedUrl);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
                if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfMatch.Add(tag);
                }
            }

            HttpResponseMessage answer;
            try
            {
                answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (AwsErrors.Translate(AwsService.S3, ex, "GetObject", location.ToString(), cancellationToken) is { } translated)
            {
                throw translated;
            }

            if (!answer.IsSuccessStatusCode)
            {
                var status = (int)answer.StatusCode;
                answer.Dispose();
                throw PresignedFailure(location, status);
            }

            var body = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new OwningStream(body, answer, answer.Content.Headers.ContentLength)
            {
                ETag = answer.Headers.ETag?.ToString(),
                Resumed = answer.StatusCode == HttpStatusCode.PartialContent,
            };
        }

        var get = new GetObjectRequest { BucketName = location.Bucket, Key = location.Key };
        if (offset > 0)
        {
            get.ByteRange = total is { } size ? new ByteRange(offset, size - 1) : new ByteRange($"bytes={offset}-");
            get.EtagToMatch = etag;
        }

        var response = await GuardAsync(() => _s3.GetObjectAsync(get, cancellationToken), "GetObject", location, cancellationToken).ConfigureAwait(false);
        return new OwningStream(response.ResponseStream, response, response.ContentLength)
        {
            ETag = response.ETag,
            Resumed = response.ContentRange is not null,
        };
    }

    private static GetObjectRequest RangeRequest(S3Location location, long offset, int count)
        => new() { BucketName = location.Bucket, Key = location.Key, ByteRange = new ByteRange(offset, offset + count - 1) };

    /// <summary>Reads exactly <paramref name="count"/> bytes; a shorter body means the object changed under the reader.</summary>
    private static async Task<byte[]> ReadBodyAsync(Stream body, int count, S3Location location, CancellationToken cancellationToken)
    {
        var data = new byte[count];
        try
        {
            await body.ReadExactlyAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new S3Exception(AwsErrorKind.ServiceFault, Messages.RangedReadShort(location.ToString()), innerException: ex);
        }

        return data;
    }

    /// <summary>The total size from a <c>Content-Range: bytes 0-1023/5000</c> header, or null.</summary>
    internal static long? TotalFromContentRange(string? contentRange)
    {
        int slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    private Task GuardAsync(Func<Task> call, string operation, S3Location location, CancellationToken cancellationToken) =>
        GuardAsync(
            async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            },
            operation,
            location,
            cancellationToken);

    private async Task<T> GuardAsync<T>(Func<Task<T>> call, string operation, S3Location location, CancellationToken cancellationToken)
    {
        try
        {
            var mark = RenewableCredentials.Mark(_credentials);
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonS3Exception ex) when (_renewsCredentials && AwsErrors.IsExpiredCredentials(ex) && RenewableCredentials.Renewed(_credentials, mark))
            {
                // Renewed: fall through to the second try, whose failure is the one reported.
            }

            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsErrors.Translate(AwsService.S3, ex, operation, location.ToString(), cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
