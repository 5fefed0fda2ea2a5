using System.Net.Http.Headers;
using TranscribePS.Emulator.Auth;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>
/// Signs raw HttpRequestMessages with SigV4 header auth (host, x-amz-content-sha256, x-amz-date and any x-amz-*
/// headers already set), so tests can send requests and then tamper with them. Built on the emulator's SigV4
/// primitives, which the published test vectors pin independently.
/// </summary>
internal sealed class TestSigner(string accessKeyId, string secretAccessKey, string region)
{
    public HttpRequestMessage Sign(HttpRequestMessage request, string service, byte[] body, DateTimeOffset? at = null, string? payloadHash = null)
    {
        var time = at ?? DateTimeOffset.UtcNow;
        var amzDate = SigV4.FormatAmzDate(time);
        var hash = payloadHash ?? SigV4.Sha256Hex(body);
        request.Headers.Remove("x-amz-date");
        request.Headers.Remove("x-amz-content-sha256");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", hash);
        if (body.Length > 0 || request.Content is not null)
        {
            var contentType = request.Content?.Headers.ContentType;
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = contentType;
        }

        var uri = request.RequestUri!;
        var headers = new List<KeyValuePair<string, string>> { new("host", uri.Authority) };
        headers.AddRange(request.Headers
            .Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), v))));
        if (request.Content?.Headers.ContentType is { } type)
        {
            headers.Add(new("content-type", type.ToString()));
        }

        var signed = headers.Select(h => h.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var canonical = SigV4.CanonicalRequest(
            request.Method.Method,
            SigV4.CanonicalUri(uri.AbsolutePath, service == "s3" ? CanonicalPathMode.EncodeOnce : CanonicalPathMode.NormalizeEncodeTwice),
            SigV4.CanonicalQuery(SigV4.ParseRawQuery(uri.Query)),
            SigV4.CanonicalHeaders(signed, headers),
            string.Join(';', signed),
            hash);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var signature = SigV4.Sign(SigV4.SigningKey(secretAccessKey, date, region, service), SigV4.StringToSign(amzDate, scope, canonical));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            SigV4.Algorithm, $"Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        return request;
    }
}
