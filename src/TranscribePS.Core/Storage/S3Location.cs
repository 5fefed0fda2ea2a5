using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace TranscribePS.Core.Storage;

/// <summary>
/// An S3 object (or prefix) named by bucket and key, parsed from <c>s3://bucket/key</c> or any S3 https URL form:
/// path-style (<c>s3.amazonaws.com</c>, <c>s3.REGION…</c>, legacy <c>s3-REGION…</c>, dualstack) and virtual-hosted
/// (<c>bucket.s3…</c>). Keys of https URLs are percent-decoded once; keys of <c>s3://</c> URIs are taken literally,
/// as the AWS CLI does. A pre-signed URL keeps its full address in <see cref="PresignedUrl"/> for reading over plain
/// HTTPS; <see cref="ToString"/> never shows its query, which holds a security token.
/// </summary>
public sealed partial record S3Location
{
    public S3Location(string bucket, string key)
    {
        if (!IsBucketName(bucket))
        {
            throw new ArgumentException(Messages.S3BucketInvalid(bucket), nameof(bucket));
        }

        ArgumentNullException.ThrowIfNull(key);
        Bucket = bucket;
        Key = key;
    }

    public string Bucket { get; }

    /// <summary>The object key; empty when the location names a whole bucket.</summary>
    public string Key { get; }

    /// <summary>The region named in the URL host, when it names one.</summary>
    public string? Region { get; init; }

    /// <summary>The complete pre-signed URL (with its signature), when the location was given as one.</summary>
    public Uri? PresignedUrl { get; init; }

    [MemberNotNullWhen(true, nameof(PresignedUrl))]
    public bool IsPresigned => PresignedUrl is not null;

    /// <summary>The last key segment, such as <c>asrOutput.json</c>.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];

    public static S3Location Parse(string text) =>
        TryParse(text, out var location, out var error) ? location : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out S3Location? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = Messages.S3LocationEmpty;
            return false;
        }

        if (value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[5..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var bucket = slash < 0 ? rest : rest[..slash];
            var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
            return Create(bucket, key, null, null, value, out location, out error);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = Messages.NotAnS3Location(Redact(value));
            return false;
        }

        if (!TryReadHost(uri.Host, out var hostBucket, out var region))
        {
            // A pre-signed URL from an S3-compatible endpoint (the emulator, MinIO) names the object path-style on its
            // own host, and is read as given.
            if (!IsPresignedQuery(uri.Query))
            {
                error = Messages.NotAnS3Location(Redact(value));
                return false;
            }

            hostBucket = null;
            region = null;
        }

        // The raw path, so that Uri's dot-segment and escaping normalisation never changes a key.
        var path = RawPath(value);
        string decodedBucket;
        string decodedKey;
        if (hostBucket is not null)
        {
            decodedBucket = hostBucket;
            decodedKey = Uri.UnescapeDataString(path[1..]);
        }
        else
        {
            var trimmed = path.StartsWith('/') ? path[1..] : path;
            var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
            decodedBucket = Uri.UnescapeDataString(slash < 0 ? trimmed : trimmed[..slash]);
            decodedKey = Uri.UnescapeDataString(slash < 0 ? string.Empty : trimmed[(slash + 1)..]);
        }

        var presigned = IsPresignedQuery(uri.Query) ? uri : null;
        return Create(decodedBucket, decodedKey, region, presigned, value, out location, out error);
    }

    /// <summary>
    /// How <paramref name="uri"/> may be shown in messages and on output objects: a pre-signed URL as its
    /// <c>s3://bucket/key</c> form, because its query holds a signature and a security token; anything else as given.
    /// </summary>
    public static string SafeName(string uri) =>
        TryParse(uri, out var location, out _) && location.IsPresigned ? location.ToString() : uri;

    /// <summary><c>s3://bucket/key</c>, the form Transcribe's Media and OutputLocation take.</summary>
    public override string ToString() => $"s3://{Bucket}/{Key}";

    /// <summary>Bucket names: 3–63 of lowercase letters, digits, dots and dashes (legacy names also uppercase and underscores).</summary>
    public static bool IsBucketName(string? bucket) =>
        bucket is { Length: >= 3 and <= 63 } && BucketPattern().IsMatch(bucket);

    private static bool Create(string bucket, string key, string? region, Uri? presigned, string original, [NotNullWhen(true)] out S3Location? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        if (!IsBucketName(bucket))
        {
            error = Messages.S3LocationWithoutBucket(Redact(original));
            return false;
        }

        location = new S3Location(bucket, key) { Region = region, PresignedUrl = presigned };
        error = null;
        return true;
    }

    private static bool TryReadHost(string host, out string? bucket, out string? region)
    {
        bucket = null;
        region = null;
        var lower = host.ToLowerInvariant();
        string stem;
        if (lower.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            stem = lower[..^".amazonaws.com".Length];
        }
        else if (lower.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal))
        {
            stem = lower[..^".amazonaws.com.cn".Length];
        }
        else
        {
            return false;
        }

        // The S3 marker label is followed by nothing, a region, or "dualstack" and a region. Search from the right,
        // because a bucket name may itself contain a label like "s3".
        var labels = stem.Split('.');
        for (var i = labels.Length - 1; i >= 0; i--)
        {
            if (!TryReadMarker(labels[i], labels.AsSpan(i + 1), out region))
            {
                continue;
            }

            bucket = i == 0 ? null : string.Join('.', labels[..i]);
            return true;
        }

        return false;
    }

    private static bool TryReadMarker(string label, ReadOnlySpan<string> tail, out string? region)
    {
        region = null;
        if (label == "s3")
        {
            switch (tail.Length)
            {
                case 0:
                    return true;
                case 1 when RegionPattern().IsMatch(tail[0]):
                    region = tail[0];
                    return true;
                case 2 when tail[0] == "dualstack" && RegionPattern().IsMatch(tail[1]):
                    region = tail[1];
                    return true;
                default:
                    return false;
            }
        }

        if (tail.Length != 0 || !label.StartsWith("s3-", StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = label[3..];
        if (suffix == "external-1")
        {
            region = "us-east-1";
            return true;
        }

        if (RegionPattern().IsMatch(suffix))
        {
            region = suffix;
            return true;
        }

        return false;
    }

    private static string RawPath(string url)
    {
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (pathStart < 0 || url[pathStart] != '/')
        {
            return "/";
        }

        var end = url.IndexOfAny(['?', '#'], pathStart);
        return end < 0 ? url[pathStart..] : url[pathStart..end];
    }

    private static bool IsPresignedQuery(string query) =>
        query.Contains("X-Amz-Signature=", StringComparison.OrdinalIgnoreCase)
        || (query.Contains("Signature=", StringComparison.Ordinal) && query.Contains("AWSAccessKeyId=", StringComparison.Ordinal));

    /// <summary>Drops the query of a URL before it goes into a message: pre-signed queries carry tokens.</summary>
    private static string Redact(string value)
    {
        var query = value.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return value;
        }

        return new StringBuilder(value, 0, query, query + 4).Append("?…").ToString();
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();
}
