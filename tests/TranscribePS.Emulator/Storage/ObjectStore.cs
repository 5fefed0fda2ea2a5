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
/// output here). In memory and thread-safe. Buckets exist only once created (CreateBucket, the start-up list, or
/// the admin route that plants an object); S3 answers NoSuchBucket for any other name, as AWS does.
/// </summary>
public sealed class ObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), StoredObject> _objects = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _buckets = new(StringComparer.Ordinal);
    private readonly string[] _startupBuckets;
    private readonly TimeProvider _time;

    /// <param name="time">The service clock (object and bucket timestamps).</param>
    /// <param name="startupBuckets">Buckets that exist from the start and again after every <see cref="Clear"/>.</param>
    public ObjectStore(TimeProvider? time = null, IEnumerable<string>? startupBuckets = null)
    {
        _time = time ?? TimeProvider.System;
        _startupBuckets = (startupBuckets ?? []).Distinct(StringComparer.Ordinal).ToArray();
        SeedBuckets();
    }

    /// <summary>Creates a bucket; false when it already existed.</summary>
    public bool CreateBucket(string bucket) => _buckets.TryAdd(bucket, _time.GetUtcNow());

    public bool BucketExists(string bucket) => _buckets.ContainsKey(bucket);

    /// <summary>When the bucket was created; null when it does not exist.</summary>
    public DateTimeOffset? BucketCreated(string bucket) => _buckets.TryGetValue(bucket, out var created) ? created : null;

    /// <summary>Forgets an empty bucket (the caller checks that it is empty).</summary>
    public bool DeleteBucket(string bucket) => _buckets.TryRemove(bucket, out _);

    public StoredObject Put(string bucket, string key, byte[] data, string? contentType = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(data)).ToLowerInvariant() + "\"";
        return Put(new StoredObject(bucket, key, data, contentType ?? "application/octet-stream", etag, _time.GetUtcNow(), metadata ?? new Dictionary<string, string>()));
    }

    /// <summary>
    /// Stores an object whose ETag is already decided (multipart uploads: "md5-of-part-md5s-N"). The S3 routes
    /// check that the bucket exists first; the engine's and admin routes' writes create it.
    /// </summary>
    public StoredObject Put(StoredObject obj)
    {
        CreateBucket(obj.Bucket);
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

    /// <summary>Every bucket, in name order.</summary>
    public IReadOnlyList<string> Buckets() => _buckets.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Forgets every object and bucket but the start-up list.</summary>
    public void Clear()
    {
        _objects.Clear();
        _buckets.Clear();
        SeedBuckets();
    }

    private void SeedBuckets()
    {
        foreach (var bucket in _startupBuckets)
        {
            CreateBucket(bucket);
        }
    }
}
