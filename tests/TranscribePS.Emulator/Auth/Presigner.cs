using System.Globalization;

namespace TranscribePS.Emulator.Auth;

/// <summary>
/// Query-string (pre-signed) SigV4 GET URLs on the emulator's own address, signed with one of its credentials — what
/// the service hands out for files it keeps in its own bucket. The emulator's verifier accepts them as S3 would.
/// </summary>
public static class Presigner
{
    public static string PresignGet(Uri endpoint, string bucket, string key, EmulatorCredential credential, string region, DateTimeOffset now, int expiresSeconds)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        string path = "/" + SigV4.UriEncode(bucket, encodeSlash: true) + "/" + SigV4.UriEncode(key, encodeSlash: false);
        string amzDate = now.UtcDateTime.ToString(SigV4.AmzDateFormat, CultureInfo.InvariantCulture);
        string scope = $"{amzDate[..8]}/{region}/s3/aws4_request";
        var query = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", SigV4.Algorithm),
            new("X-Amz-Credential", SigV4.UriEncode(credential.AccessKeyId + "/" + scope, encodeSlash: true)),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        string canonicalQuery = SigV4.CanonicalQuery(query);
        string canonicalRequest = SigV4.CanonicalRequest("GET", SigV4.CanonicalUri(path, CanonicalPathMode.EncodeOnce), canonicalQuery, $"host:{endpoint.Authority}\n", "host", SigV4.UnsignedPayload);
        string signature = SigV4.Sign(SigV4.SigningKey(credential.SecretAccessKey, amzDate[..8], region, "s3"), SigV4.StringToSign(amzDate, scope, canonicalRequest));
        return $"{endpoint.GetLeftPart(UriPartial.Authority)}{path}?{canonicalQuery}&X-Amz-Signature={signature}";
    }
}
