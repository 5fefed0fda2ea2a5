using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TranscribePS.Emulator.Storage;

namespace TranscribePS.Emulator.S3;

/// <summary>
/// The S3 subset the module and AWS SDKs use, path-style: objects (put, get with ranges, head, delete, copy),
/// listing (V2 and V1), multipart uploads, DeleteObjects, flexible checksums, and buckets (CreateBucket or the
/// start-up list; any other bucket answers NoSuchBucket, as AWS does).
/// </summary>
public sealed class S3Service
{
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    private const string MetaPrefix = "x-amz-meta-";

    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly string _region;
    private readonly long _minimumPartSize;

    public S3Service(ObjectStore store, string region, long minimumPartSize, TimeProvider? time = null)
    {
        _store = store;
        _region = region;
        _minimumPartSize = minimumPartSize;
        _time = time ?? TimeProvider.System;
    }

    public MultipartUploads Uploads { get; } = new();

    /// <summary>Forgets uploads in flight (the object store and its buckets are cleared by their owner).</summary>
    public void Reset() => Uploads.Clear();

    public Task HandleAsync(S3Call call, CancellationToken cancellationToken)
    {
        if (call.Bucket.Length > 0 && !BucketNames.IsValid(call.Bucket))
        {
            throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid.") { Details = { ["BucketName"] = call.Bucket } };
        }

        if (call.Bucket.Length > 0 && call.Operation is not ("CreateBucket" or S3Operations.Unsupported) && !_store.BucketExists(call.Bucket))
        {
            throw S3Exception.NoSuchBucket(call.Bucket);
        }

        return call.Operation switch
        {
            "ListBuckets" => ListBuckets(call, cancellationToken),
            "CreateBucket" => CreateBucket(call),
            "HeadBucket" => HeadBucket(call),
            "DeleteBucket" => DeleteBucket(call),
            "GetBucketLocation" => GetBucketLocation(call, cancellationToken),
            "ListObjectsV2" => ListObjects(call, v2: true, cancellationToken),
            "ListObjects" => ListObjects(call, v2: false, cancellationToken),
            "DeleteObjects" => DeleteObjects(call, cancellationToken),
            "PutObject" => PutObject(call),
            "CopyObject" => CopyObject(call, cancellationToken),
            "GetObject" => GetObject(call, headOnly: false, cancellationToken),
            "HeadObject" => GetObject(call, headOnly: true, cancellationToken),
            "DeleteObject" => DeleteObject(call),
            "CreateMultipartUpload" => CreateMultipartUpload(call, cancellationToken),
            "UploadPart" => UploadPart(call),
            "CompleteMultipartUpload" => CompleteMultipartUpload(call, cancellationToken),
            "AbortMultipartUpload" => AbortMultipartUpload(call),
            "ListParts" => ListParts(call, cancellationToken),
            "ListMultipartUploads" => ListMultipartUploads(call, cancellationToken),
            _ => throw new S3Exception(501, "NotImplemented", "A header or query you provided implies functionality that is not implemented by this emulator."),
        };
    }

    // The service's own output bucket lives in the service's account: a customer's ListBuckets never shows it.
    private IEnumerable<string> AllBuckets() => _store.Buckets().Where(b => b != $"aws-transcribe-{_region}-prod");

    private Task ListBuckets(S3Call call, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var doc = new XElement(Ns + "ListAllMyBucketsResult",
            new XElement(Ns + "Owner", new XElement(Ns + "ID", "emulator"), new XElement(Ns + "DisplayName", "emulator")),
            new XElement(Ns + "Buckets", AllBuckets().Select(b => new XElement(Ns + "Bucket",
                new XElement(Ns + "Name", b),
                new XElement(Ns + "CreationDate", IsoTime(_store.BucketCreated(b) ?? now)),
                new XElement(Ns + "BucketRegion", _region)))));
        return WriteXml(call, 200, doc, ct);
    }

    private Task CreateBucket(S3Call call)
    {
        // us-east-1 answers a repeated CreateBucket by the owner with 200; every other region with 409.
        if (!_store.CreateBucket(call.Bucket) && _region != "us-east-1")
        {
            throw new S3Exception(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.") { Details = { ["BucketName"] = call.Bucket } };
        }

        call.Response.Headers.Location = "/" + call.Bucket;
        return Empty(call, 200);
    }

    private Task HeadBucket(S3Call call)
    {
        call.Response.Headers["x-amz-bucket-region"] = _region;
        return Empty(call, 200);
    }

    private Task DeleteBucket(S3Call call)
    {
        if (_store.List(call.Bucket).Count > 0)
        {
            throw new S3Exception(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.") { Details = { ["BucketName"] = call.Bucket } };
        }

        _store.DeleteBucket(call.Bucket);
        return Empty(call, 204);
    }

    private Task GetBucketLocation(S3Call call, CancellationToken ct) =>
        WriteXml(call, 200, new XElement(Ns + "LocationConstraint", _region == "us-east-1" ? null : _region), ct);

    private Task ListObjects(S3Call call, bool v2, CancellationToken ct)
    {
        var prefix = call.Param("prefix") ?? string.Empty;
        var delimiter = call.Param("delimiter");
        if (delimiter?.Length == 0)
        {
            delimiter = null;
        }

        var encodingType = call.Param("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            throw S3Exception.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }

        var maxKeysText = call.Param("max-keys");
        var maxKeys = 1000;
        if (maxKeysText is not null && (!int.TryParse(maxKeysText, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys)))
        {
            throw S3Exception.InvalidArgument("Provided max-keys not an integer or within integer range", "max-keys", maxKeysText);
        }

        maxKeys = Math.Min(maxKeys, 1000);
        var token = call.Param("continuation-token");
        var startAfter = call.Param("start-after");
        string? after;
        if (v2)
        {
            after = token is not null ? DecodeToken(token) : startAfter;
        }
        else
        {
            after = call.Param("marker");
        }

        var contents = new List<StoredObject>();
        var prefixes = new List<string>();
        string? lastEntry = null;
        var truncated = false;
        foreach (var obj in _store.List(call.Bucket, prefix))
        {
            var entry = obj.Key;
            var isPrefix = false;
            if (delimiter is not null)
            {
                var at = obj.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    entry = obj.Key[..(at + delimiter.Length)];
                    isPrefix = true;
                }
            }

            if ((after is not null && string.CompareOrdinal(entry, after) <= 0) || (isPrefix && entry == lastEntry))
            {
                continue;
            }

            if (contents.Count + prefixes.Count >= maxKeys)
            {
                truncated = true;
                break;
            }

            if (isPrefix)
            {
                prefixes.Add(entry);
            }
            else
            {
                contents.Add(obj);
            }

            lastEntry = entry;
        }

        string Enc(string value) => encodingType == "url" ? Uri.EscapeDataString(value) : value;
        var result = new XElement(Ns + "ListBucketResult",
            new XElement(Ns + "Name", call.Bucket),
            new XElement(Ns + "Prefix", Enc(prefix)),
            delimiter is null ? null : new XElement(Ns + "Delimiter", Enc(delimiter)),
            new XElement(Ns + "MaxKeys", maxKeys),
            encodingType is null ? null : new XElement(Ns + "EncodingType", encodingType),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"));
        if (v2)
        {
            result.Add(new XElement(Ns + "KeyCount", contents.Count + prefixes.Count));
            if (token is not null)
            {
                result.Add(new XElement(Ns + "ContinuationToken", token));
            }

            if (startAfter is not null)
            {
                result.Add(new XElement(Ns + "StartAfter", Enc(startAfter)));
            }

            if (truncated && lastEntry is not null)
            {
                result.Add(new XElement(Ns + "NextContinuationToken", EncodeToken(lastEntry)));
            }
        }
        else
        {
            result.Add(new XElement(Ns + "Marker", Enc(after ?? string.Empty)));
            if (truncated && delimiter is not null && lastEntry is not null)
            {
                result.Add(new XElement(Ns + "NextMarker", Enc(lastEntry)));
            }
        }

        result.Add(contents.Select(o => new XElement(Ns + "Contents",
            new XElement(Ns + "Key", Enc(o.Key)),
            new XElement(Ns + "LastModified", IsoTime(o.LastModified)),
            new XElement(Ns + "ETag", o.ETag),
            o.Checksums.Count == 0 ? null : new XElement(Ns + "ChecksumAlgorithm", o.Checksums.Keys.First()),
            new XElement(Ns + "Size", o.Data.Length),
            new XElement(Ns + "StorageClass", "STANDARD"))));
        result.Add(prefixes.Select(p => new XElement(Ns + "CommonPrefixes", new XElement(Ns + "Prefix", Enc(p)))));
        return WriteXml(call, 200, result, ct);
    }

    private static string EncodeToken(string lastEntry) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastEntry));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw S3Exception.InvalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }

    private Task DeleteObjects(S3Call call, CancellationToken ct)
    {
        var doc = ParseXml(call.Payload);
        var objects = doc.Root!.Elements().Where(e => e.Name.LocalName == "Object").ToList();
        if (doc.Root.Name.LocalName != "Delete" || objects.Count is 0 or > 1000)
        {
            throw S3Exception.MalformedXml();
        }

        var quiet = doc.Root.Elements().Any(e => e.Name.LocalName == "Quiet" && e.Value.Trim() == "true");
        var result = new XElement(Ns + "DeleteResult");
        foreach (var o in objects)
        {
            var key = o.Elements().FirstOrDefault(e => e.Name.LocalName == "Key")?.Value ?? throw S3Exception.MalformedXml();
            _store.Delete(call.Bucket, key);
            if (!quiet)
            {
                result.Add(new XElement(Ns + "Deleted", new XElement(Ns + "Key", key)));
            }
        }

        return WriteXml(call, 200, result, ct);
    }

    private Task PutObject(S3Call call)
    {
        if (call.Header("If-None-Match") == "*" && _store.Get(call.Bucket, call.Key) is not null)
        {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold") { Details = { ["Condition"] = "If-None-Match" } };
        }

        var checksums = VerifyContent(call);
        var stored = _store.Put(call.Bucket, call.Key, call.Payload, call.Header("Content-Type"), ReadMetadata(call)) with { Checksums = checksums };
        _store.Put(stored);
        call.Response.Headers.ETag = stored.ETag;
        EchoChecksums(call.Response, checksums, "FULL_OBJECT");
        return Empty(call, 200);
    }

    private Task CopyObject(S3Call call, CancellationToken ct)
    {
        var source = Uri.UnescapeDataString(call.Header("x-amz-copy-source")!).TrimStart('/');
        var query = source.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            source = source[..query];
        }

        var slash = source.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == source.Length - 1)
        {
            throw S3Exception.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", source);
        }

        if (!_store.BucketExists(source[..slash]))
        {
            throw S3Exception.NoSuchBucket(source[..slash]);
        }

        var original = _store.Get(source[..slash], source[(slash + 1)..]) ?? throw S3Exception.NoSuchKey(source[(slash + 1)..]);
        var replace = string.Equals(call.Header("x-amz-metadata-directive"), "REPLACE", StringComparison.OrdinalIgnoreCase);
        var copy = original with
        {
            Bucket = call.Bucket,
            Key = call.Key,
            LastModified = _time.GetUtcNow(),
            ContentType = replace ? call.Header("Content-Type") ?? "application/octet-stream" : original.ContentType,
            Metadata = replace ? ReadMetadata(call) : original.Metadata,
        };
        _store.Put(copy);
        return WriteXml(call, 200, new XElement(Ns + "CopyObjectResult",
            new XElement(Ns + "LastModified", IsoTime(copy.LastModified)),
            new XElement(Ns + "ETag", copy.ETag)), ct);
    }

    private async Task GetObject(S3Call call, bool headOnly, CancellationToken ct)
    {
        var obj = _store.Get(call.Bucket, call.Key) ?? throw S3Exception.NoSuchKey(call.Key);
        var response = call.Response;
        var ifMatch = call.Header("If-Match");
        if (ifMatch is not null && !EtagListMatches(ifMatch, obj.ETag))
        {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold") { Details = { ["Condition"] = "If-Match" } };
        }

        var ifNoneMatch = call.Header("If-None-Match");
        if (ifNoneMatch is not null && EtagListMatches(ifNoneMatch, obj.ETag))
        {
            response.StatusCode = 304;
            response.Headers.ETag = obj.ETag;
            return;
        }

        response.Headers.ETag = obj.ETag;
        response.Headers.LastModified = obj.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = obj.ContentType;
        foreach (var (name, value) in obj.Metadata)
        {
            response.Headers[MetaPrefix + name] = value;
        }

        var (start, length) = (0L, (long)obj.Data.Length);
        var range = call.Header("Range");
        var status = 200;
        if (range is not null && TryParseRange(range, obj.Data.Length, out var first, out var last, out var satisfiable))
        {
            if (!satisfiable)
            {
                throw new S3Exception(416, "InvalidRange", "The requested range is not satisfiable")
                {
                    Details = { ["RangeRequested"] = range, ["ActualObjectSize"] = obj.Data.Length.ToString(CultureInfo.InvariantCulture) },
                    Headers = { ["Content-Range"] = $"bytes */{obj.Data.Length}" },
                };
            }

            (start, length, status) = (first, last - first + 1, 206);
            response.Headers.ContentRange = $"bytes {first}-{last}/{obj.Data.Length}";
        }
        else if (string.Equals(call.Header("x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            EchoChecksums(response, obj.Checksums, obj.Checksums.Values.Any(v => v.Contains('-', StringComparison.Ordinal)) ? "COMPOSITE" : "FULL_OBJECT");
        }

        response.StatusCode = status;
        response.ContentLength = length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(obj.Data.AsMemory((int)start, (int)length), ct).ConfigureAwait(false);
        }
    }

    private static bool EtagListMatches(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries).Any(e => e == "*" || e.Trim('"') == etag.Trim('"'));

    /// <summary>Parses one "bytes=" range; false when the header is not a single byte range (S3 then ignores it).</summary>
    internal static bool TryParseRange(string header, long size, out long first, out long last, out bool satisfiable)
    {
        (first, last, satisfiable) = (0, 0, false);
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        var (a, b) = (spec[..dash], spec[(dash + 1)..]);
        if (a.Length == 0)
        {
            if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return false;
            }

            satisfiable = suffix > 0 && size > 0;
            (first, last) = (Math.Max(0, size - suffix), size - 1);
            return true;
        }

        if (!long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out first))
        {
            return false;
        }

        if (b.Length == 0)
        {
            last = size - 1;
        }
        else if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last < first)
        {
            return false;
        }

        last = Math.Min(last, size - 1);
        satisfiable = first < size;
        return true;
    }

    private Task DeleteObject(S3Call call)
    {
        _store.Delete(call.Bucket, call.Key);
        return Empty(call, 204);
    }

    private Task CreateMultipartUpload(S3Call call, CancellationToken ct)
    {
        var algorithm = call.Header("x-amz-checksum-algorithm")?.ToUpperInvariant();
        if (algorithm is not null && !Checksums.Algorithms.Contains(algorithm))
        {
            throw S3Exception.InvalidArgument("Checksum algorithm provided is unsupported.", "x-amz-checksum-algorithm", algorithm);
        }

        var upload = Uploads.Add(new MultipartUpload
        {
            UploadId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            Bucket = call.Bucket,
            Key = call.Key,
            ContentType = call.Header("Content-Type") ?? "application/octet-stream",
            Metadata = ReadMetadata(call),
            ChecksumAlgorithm = algorithm,
            ChecksumType = call.Header("x-amz-checksum-type")?.ToUpperInvariant() ?? "COMPOSITE",
            Initiated = _time.GetUtcNow(),
        });
        if (algorithm is not null)
        {
            call.Response.Headers["x-amz-checksum-algorithm"] = algorithm;
            call.Response.Headers["x-amz-checksum-type"] = upload.ChecksumType;
        }

        return WriteXml(call, 200, new XElement(Ns + "InitiateMultipartUploadResult",
            new XElement(Ns + "Bucket", call.Bucket),
            new XElement(Ns + "Key", call.Key),
            new XElement(Ns + "UploadId", upload.UploadId)), ct);
    }

    private Task UploadPart(S3Call call)
    {
        var partText = call.Param("partNumber")!;
        if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > 10000)
        {
            throw S3Exception.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", partText);
        }

        var upload = Uploads.Get(call.Param("uploadId")!, call.Bucket, call.Key);
        var checksums = VerifyContent(call);
        var etag = "\"" + Convert.ToHexString(MD5.HashData(call.Payload)).ToLowerInvariant() + "\"";
        upload.Parts[partNumber] = new UploadedPart(partNumber, call.Payload, etag, _time.GetUtcNow(), checksums);
        call.Response.Headers.ETag = etag;
        EchoChecksums(call.Response, checksums, checksumType: null);
        return Empty(call, 200);
    }

    private Task CompleteMultipartUpload(S3Call call, CancellationToken ct)
    {
        var upload = Uploads.Get(call.Param("uploadId")!, call.Bucket, call.Key);
        var doc = ParseXml(call.Payload);
        if (doc.Root!.Name.LocalName != "CompleteMultipartUpload")
        {
            throw S3Exception.MalformedXml();
        }

        var listed = doc.Root.Elements().Where(e => e.Name.LocalName == "Part").Select(ReadPartElement).ToList();
        if (listed.Count == 0)
        {
            throw S3Exception.MalformedXml();
        }

        var parts = new List<UploadedPart>();
        for (var i = 0; i < listed.Count; i++)
        {
            var (number, etag, partChecksums) = listed[i];
            if (i > 0 && number <= listed[i - 1].Number)
            {
                throw new S3Exception(400, "InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }

            if (!upload.Parts.TryGetValue(number, out var part) || part.ETag.Trim('"') != etag.Trim('"')
                || partChecksums.Any(c => !part.Checksums.TryGetValue(c.Key, out var stored) || stored != c.Value))
            {
                throw new S3Exception(400, "InvalidPart", "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.")
                {
                    Details = { ["UploadId"] = upload.UploadId, ["PartNumber"] = number.ToString(CultureInfo.InvariantCulture), ["ETag"] = etag },
                };
            }

            parts.Add(part);
        }

        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (parts[i].Data.Length < _minimumPartSize)
            {
                throw new S3Exception(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.")
                {
                    Details = { ["ProposedSize"] = parts[i].Data.Length.ToString(CultureInfo.InvariantCulture), ["MinSizeAllowed"] = _minimumPartSize.ToString(CultureInfo.InvariantCulture), ["PartNumber"] = parts[i].PartNumber.ToString(CultureInfo.InvariantCulture) },
                };
            }
        }

        var data = new byte[parts.Sum(p => (long)p.Data.Length)];
        var offset = 0;
        var md5s = new byte[parts.Count * 16];
        for (var i = 0; i < parts.Count; i++)
        {
            parts[i].Data.CopyTo(data, offset);
            offset += parts[i].Data.Length;
            Convert.FromHexString(parts[i].ETag.Trim('"')).CopyTo(md5s, i * 16);
        }

        var checksums = CombinedChecksums(call, upload, parts, data);
        var objectEtag = $"\"{Convert.ToHexString(MD5.HashData(md5s)).ToLowerInvariant()}-{parts.Count}\"";
        var stored = _store.Put(new StoredObject(call.Bucket, call.Key, data, upload.ContentType, objectEtag, _time.GetUtcNow(), upload.Metadata) { Checksums = checksums });
        Uploads.Remove(upload.UploadId);
        EchoChecksums(call.Response, checksums, checksums.Count == 0 ? null : upload.ChecksumType);
        var request = call.Http.Request;
        return WriteXml(call, 200, new XElement(Ns + "CompleteMultipartUploadResult",
            new XElement(Ns + "Location", $"{request.Scheme}://{request.Host}/{call.Bucket}/{Uri.EscapeDataString(call.Key)}"),
            new XElement(Ns + "Bucket", call.Bucket),
            new XElement(Ns + "Key", call.Key),
            new XElement(Ns + "ETag", stored.ETag),
            checksums.Select(c => new XElement(Ns + Checksums.XmlName(c.Key), c.Value))), ct);
    }

    /// <summary>
    /// The object's checksum after Complete: FULL_OBJECT uploads get the checksum of the whole data (checked
    /// against a value sent with Complete); COMPOSITE ones the checksum of the part checksums, suffixed "-N".
    /// </summary>
    private static Dictionary<string, string> CombinedChecksums(S3Call call, MultipartUpload upload, List<UploadedPart> parts, byte[] data)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var algorithm in Checksums.Algorithms)
        {
            var sent = call.Header(Checksums.HeaderName(algorithm));
            if (sent is not null || (upload.ChecksumType == "FULL_OBJECT" && upload.ChecksumAlgorithm == algorithm))
            {
                var whole = Checksums.Compute(algorithm, data);
                if (sent is not null && sent != whole)
                {
                    throw new S3Exception(400, "BadDigest", $"The {algorithm} you specified did not match the calculated checksum.");
                }

                result[algorithm] = whole;
            }
        }

        var composite = upload.ChecksumAlgorithm;
        if (composite is not null && !result.ContainsKey(composite) && parts.All(p => p.Checksums.ContainsKey(composite)))
        {
            var concatenated = parts.SelectMany(p => Convert.FromBase64String(p.Checksums[composite])).ToArray();
            result[composite] = $"{Checksums.Compute(composite, concatenated)}-{parts.Count}";
        }

        return result;
    }

    private static (int Number, string ETag, Dictionary<string, string> Checksums) ReadPartElement(XElement part)
    {
        string? Child(string name) => part.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        if (!int.TryParse(Child("PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || Child("ETag") is not { } etag)
        {
            throw S3Exception.MalformedXml();
        }

        var checksums = Checksums.Algorithms
            .Select(a => (Algorithm: a, Value: Child(Checksums.XmlName(a))))
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Algorithm, c => c.Value!, StringComparer.Ordinal);
        return (number, etag, checksums);
    }

    private Task AbortMultipartUpload(S3Call call)
    {
        var upload = Uploads.Get(call.Param("uploadId")!, call.Bucket, call.Key);
        Uploads.Remove(upload.UploadId);
        return Empty(call, 204);
    }

    private Task ListParts(S3Call call, CancellationToken ct)
    {
        var upload = Uploads.Get(call.Param("uploadId")!, call.Bucket, call.Key);
        var marker = int.TryParse(call.Param("part-number-marker"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var maxParts = int.TryParse(call.Param("max-parts"), NumberStyles.None, CultureInfo.InvariantCulture, out var mp) ? Math.Min(mp, 1000) : 1000;
        var remaining = upload.Parts.Values.Where(p => p.PartNumber > marker).OrderBy(p => p.PartNumber).ToList();
        var page = remaining.Take(maxParts).ToList();
        var truncated = remaining.Count > page.Count;
        return WriteXml(call, 200, new XElement(Ns + "ListPartsResult",
            new XElement(Ns + "Bucket", call.Bucket),
            new XElement(Ns + "Key", call.Key),
            new XElement(Ns + "UploadId", upload.UploadId),
            new XElement(Ns + "PartNumberMarker", marker),
            new XElement(Ns + "NextPartNumberMarker", page.Count > 0 ? page[^1].PartNumber : marker),
            new XElement(Ns + "MaxParts", maxParts),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            upload.ChecksumAlgorithm is null ? null : new XElement(Ns + "ChecksumAlgorithm", upload.ChecksumAlgorithm),
            new XElement(Ns + "StorageClass", "STANDARD"),
            page.Select(p => new XElement(Ns + "Part",
                new XElement(Ns + "PartNumber", p.PartNumber),
                new XElement(Ns + "LastModified", IsoTime(p.LastModified)),
                new XElement(Ns + "ETag", p.ETag),
                new XElement(Ns + "Size", p.Data.Length),
                p.Checksums.Select(c => new XElement(Ns + Checksums.XmlName(c.Key), c.Value))))), ct);
    }

    private Task ListMultipartUploads(S3Call call, CancellationToken ct)
    {
        var prefix = call.Param("prefix") ?? string.Empty;
        var uploads = Uploads.InBucket(call.Bucket).Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return WriteXml(call, 200, new XElement(Ns + "ListMultipartUploadsResult",
            new XElement(Ns + "Bucket", call.Bucket),
            new XElement(Ns + "Prefix", prefix),
            new XElement(Ns + "MaxUploads", 1000),
            new XElement(Ns + "IsTruncated", "false"),
            uploads.Select(u => new XElement(Ns + "Upload",
                new XElement(Ns + "Key", u.Key),
                new XElement(Ns + "UploadId", u.UploadId),
                new XElement(Ns + "Initiated", IsoTime(u.Initiated)),
                new XElement(Ns + "StorageClass", "STANDARD")))), ct);
    }

    /// <summary>Checks Content-MD5 and every x-amz-checksum-* (header or trailer); returns the checksums to store.</summary>
    private static Dictionary<string, string> VerifyContent(S3Call call)
    {
        var md5 = call.Header("Content-MD5");
        if (md5 is not null)
        {
            byte[] given;
            try
            {
                given = Convert.FromBase64String(md5);
            }
            catch (FormatException)
            {
                throw new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified was invalid.") { Details = { ["Content-MD5"] = md5 } };
            }

            if (!given.AsSpan().SequenceEqual(MD5.HashData(call.Payload)))
            {
                throw new S3Exception(400, "BadDigest", "The Content-MD5 you specified did not match what we received.")
                {
                    Details = { ["ExpectedDigest"] = md5, ["CalculatedDigest"] = Convert.ToBase64String(MD5.HashData(call.Payload)) },
                };
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var algorithm in Checksums.Algorithms)
        {
            var name = Checksums.HeaderName(algorithm);
            var given = call.Header(name) ?? (call.Trailers.TryGetValue(name, out var trailer) ? trailer : null);
            if (given is null)
            {
                continue;
            }

            var computed = Checksums.Compute(algorithm, call.Payload);
            if (given != computed)
            {
                throw new S3Exception(400, "BadDigest", $"The {algorithm} you specified did not match the calculated checksum.");
            }

            result[algorithm] = computed;
        }

        var missing = (call.Header("x-amz-trailer") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(name => !call.Trailers.ContainsKey(name.ToLowerInvariant()));
        if (missing is not null)
        {
            throw new S3Exception(400, "InvalidRequest", $"The x-amz-trailer header named '{missing}' but no such trailing header was sent.");
        }

        return result;
    }

    private static void EchoChecksums(HttpResponse response, IReadOnlyDictionary<string, string> checksums, string? checksumType)
    {
        foreach (var (algorithm, value) in checksums)
        {
            response.Headers[Checksums.HeaderName(algorithm)] = value;
        }

        if (checksums.Count > 0 && checksumType is not null)
        {
            response.Headers["x-amz-checksum-type"] = checksumType;
        }
    }

    private static Dictionary<string, string> ReadMetadata(S3Call call) =>
        call.Http.Request.Headers
            .Where(h => h.Key.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[MetaPrefix.Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

    private static XDocument ParseXml(byte[] payload)
    {
        try
        {
            var doc = XDocument.Parse(Encoding.UTF8.GetString(payload));
            return doc.Root is null ? throw S3Exception.MalformedXml() : doc;
        }
        catch (XmlException)
        {
            throw S3Exception.MalformedXml();
        }
    }

    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Task Empty(S3Call call, int status)
    {
        call.Response.StatusCode = status;
        call.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task WriteXml(S3Call call, int status, XElement root, CancellationToken ct) => WriteXml(call.Response, status, root, ct);

    public static async Task WriteXml(HttpResponse response, int status, XElement root, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));
        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }
}
