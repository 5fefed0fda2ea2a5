using System.Collections.Concurrent;

namespace TranscribePS.Emulator.Storage;

/// <summary>One stored S3 object.</summary>
public sealed record StoredObject(string Bucket, string Key, byte[] Data, string ContentType, string ETag, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// Flexible checksums sent with the upload, algorithm ("CRC32", "SHA256", …) to base64 value; a multipart
    /// object's value is the composite "base64-N".
    /// </summary>
    public IReadOnlyDictionary<string, string> Checksums { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The emulator's S3 contents, shared by the S3 routes and the Transcribe job engine (which reads media and writes
/// output here). In memory and thread-safe; buckets come into being on first write.
/// </summary>
public sealed class ObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), StoredObject> _objects = new();
    private readonly TimeProvider _time;

    public ObjectStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public StoredObject Put(string bucket, string key, byte[] data, string? contentType = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(data)).ToLowerInvariant() + "\"";
        var obj = new StoredObject(bucket, key, data, contentType ?? "application/octet-stream", etag, _time.GetUtcNow(), metadata ?? new Dictionary<string, string>());
        _objects[(bucket, key)] = obj;
        return obj;
    }

    /// <summary>Stores an object whose ETag is already decided (multipart uploads: "md5-of-part-md5s-N").</summary>
    public StoredObject Put(StoredObject obj)
    {
        _objects[(obj.Bucket, obj.Key)] = obj;
        return obj;
    }

    public StoredObject? Get(string bucket, string key) => _objects.TryGetValue((bucket, key), out var obj) ? obj : null;

    public bool Delete(string bucket, string key) => _objects.TryRemove((bucket, key), out _);

    /// <summary>Objects of a bucket under a prefix, in key order (UTF-8 binary order, as S3 lists).</summary>
    public IReadOnlyList<StoredObject> List(string bucket, string? prefix = null) =>
        _objects.Values
            .Where(o => o.Bucket == bucket && (prefix is null || o.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every bucket that holds at least one object, in name order.</summary>
    public IReadOnlyList<string> Buckets() =>
        _objects.Keys.Select(k => k.Bucket).Distinct().Order(StringComparer.Ordinal).ToList();

    public void Clear() => _objects.Clear();
}
