using System.Collections.Concurrent;

namespace TranscribePS.Emulator.S3;

/// <summary>One uploaded part of a multipart upload.</summary>
public sealed record UploadedPart(int PartNumber, byte[] Data, string ETag, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Checksums);

/// <summary>A multipart upload between CreateMultipartUpload and Complete/Abort.</summary>
public sealed class MultipartUpload
{
    public required string UploadId { get; init; }

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required string ContentType { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Algorithm named by x-amz-checksum-algorithm at creation, if any.</summary>
    public string? ChecksumAlgorithm { get; init; }

    /// <summary>COMPOSITE (default) or FULL_OBJECT, from x-amz-checksum-type.</summary>
    public string ChecksumType { get; init; } = "COMPOSITE";

    public required DateTimeOffset Initiated { get; init; }

    public ConcurrentDictionary<int, UploadedPart> Parts { get; } = new();
}

/// <summary>The multipart uploads in flight, by upload id.</summary>
public sealed class MultipartUploads
{
    private readonly ConcurrentDictionary<string, MultipartUpload> _uploads = new(StringComparer.Ordinal);

    public MultipartUpload Add(MultipartUpload upload)
    {
        _uploads[upload.UploadId] = upload;
        return upload;
    }

    /// <exception cref="S3Exception">NoSuchUpload when the id is unknown or belongs to another bucket/key.</exception>
    public MultipartUpload Get(string uploadId, string bucket, string key) =>
        _uploads.TryGetValue(uploadId, out var upload) && upload.Bucket == bucket && upload.Key == key
            ? upload
            : throw S3Exception.NoSuchUpload(uploadId);

    public bool Remove(string uploadId) => _uploads.TryRemove(uploadId, out _);

    public IReadOnlyList<MultipartUpload> InBucket(string bucket) =>
        _uploads.Values.Where(u => u.Bucket == bucket).OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated).ToList();

    public int Count => _uploads.Count;

    public void Clear() => _uploads.Clear();
}
