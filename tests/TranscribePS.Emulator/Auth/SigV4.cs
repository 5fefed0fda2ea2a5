using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TranscribePS.Emulator.Auth;

/// <summary>How a service turns the request path into the canonical URI.</summary>
public enum CanonicalPathMode
{
    /// <summary>S3: the path as sent, encoded exactly once, no dot-segment removal.</summary>
    EncodeOnce,

    /// <summary>The test suite's form: dot segments and empty segments removed, encoded once.</summary>
    NormalizeEncodeOnce,

    /// <summary>Every other service: normalized, and the already-encoded path encoded a second time.</summary>
    NormalizeEncodeTwice,
}

/// <summary>
/// The pieces of AWS Signature Version 4, written from the specification: canonical request, string to sign,
/// derived signing key, chunk and trailer signatures.
/// </summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexString(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Sha256Hex(canonicalRequest)}";

    public static string ChunkStringToSign(string amzDate, string scope, string previousSignature, ReadOnlySpan<byte> chunk) =>
        $"AWS4-HMAC-SHA256-PAYLOAD\n{amzDate}\n{scope}\n{previousSignature}\n{EmptySha256}\n{Sha256Hex(chunk)}";

    /// <summary>Trailer headers are canonicalized like request headers ("name:value\n", sorted) and hashed.</summary>
    public static string TrailerStringToSign(string amzDate, string scope, string previousSignature, IEnumerable<KeyValuePair<string, string>> trailers)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in trailers.OrderBy(t => t.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            canonical.Append(name.ToLowerInvariant()).Append(':').Append(TrimHeaderValue(value)).Append('\n');
        }

        return $"AWS4-HMAC-SHA256-TRAILER\n{amzDate}\n{scope}\n{previousSignature}\n{Sha256Hex(canonical.ToString())}";
    }

    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, string canonicalHeaders, string signedHeaders, string payloadHash) =>
        $"{method}\n{canonicalUri}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";

    /// <summary>URI-encodes per SigV4: every byte except A-Z a-z 0-9 - _ . ~ (and '/' when allowed) as %XX, uppercase.</summary>
    public static string UriEncode(string value, bool encodeSlash)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3 / 2);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~' || (c == '/' && !encodeSlash))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Percent-decodes only; '+' stays a plus sign, as SigV4 clients encode spaces as %20.</summary>
    public static string PercentDecode(string value) => value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;

    public static string CanonicalUri(string rawPath, CanonicalPathMode mode)
    {
        var path = string.IsNullOrEmpty(rawPath) ? "/" : PercentDecode(rawPath);
        if (mode == CanonicalPathMode.EncodeOnce)
        {
            return UriEncode(path, encodeSlash: false);
        }

        var encoded = UriEncode(NormalizePath(path), encodeSlash: false);
        return mode == CanonicalPathMode.NormalizeEncodeTwice ? UriEncode(encoded, encodeSlash: false) : encoded;
    }

    /// <summary>Removes "." and ".." segments and empty segments, keeping a trailing slash.</summary>
    public static string NormalizePath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var trailing = segments.Count > 0 && (path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal));
        return "/" + string.Join('/', segments) + (trailing ? "/" : string.Empty);
    }

    /// <summary>Query parameters as sent (raw, undecoded), in order; a name without '=' has an empty value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseRawQuery(string rawQuery)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            result.Add(eq < 0 ? new(part, string.Empty) : new(part[..eq], part[(eq + 1)..]));
        }

        return result;
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> rawPairs, string? exclude = null) =>
        string.Join('&', rawPairs
            .Select(p => (Name: UriEncode(PercentDecode(p.Key), encodeSlash: true), Value: UriEncode(PercentDecode(p.Value), encodeSlash: true)))
            .Where(p => exclude is null || p.Name != exclude)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>"name:v1,v2\n" for each signed header; values trimmed with inner runs of spaces collapsed.</summary>
    public static string CanonicalHeaders(IReadOnlyList<string> signedHeaders, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var lookup = headers.ToLookup(h => h.Key.ToLowerInvariant(), h => h.Value);
        var sb = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':').Append(string.Join(',', lookup[name].Select(TrimHeaderValue))).Append('\n');
        }

        return sb.ToString();
    }

    public static string TrimHeaderValue(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var sb = new StringBuilder(trimmed.Length);
        var lastSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                if (!lastSpace)
                {
                    sb.Append(c);
                }

                lastSpace = true;
            }
            else
            {
                sb.Append(c);
                lastSpace = false;
            }
        }

        return sb.ToString();
    }

    public static bool TryParseAmzDate(string? value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

    public static string FormatAmzDate(DateTimeOffset date) => date.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
