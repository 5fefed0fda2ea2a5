using System.Globalization;
using System.Text.RegularExpressions;

namespace TranscribePS.Emulator.Auth;

/// <summary>
/// Verifies SigV4 header-signed and presigned (query) requests against a set of key pairs, the emulator's region
/// and the expected service, then removes aws-chunked framing, checking every chunk and trailer signature.
/// </summary>
public sealed partial class SigV4Verifier
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);
    private const int MaxPresignSeconds = 604800;

    private readonly Dictionary<string, EmulatorCredential> _credentials;
    private readonly string _region;
    private readonly TimeProvider _clock;
    private readonly Func<string, CanonicalPathMode> _pathMode;
    private readonly TemporaryCredentials? _temporary;

    /// <param name="temporary">Temporary credentials accepted besides <paramref name="credentials"/>, each with its session token and expiry.</param>
    public SigV4Verifier(IEnumerable<EmulatorCredential> credentials, string region, TimeProvider? clock = null, Func<string, CanonicalPathMode>? pathMode = null, TemporaryCredentials? temporary = null)
    {
        _credentials = credentials.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
        _temporary = temporary;
        _region = region;
        _clock = clock ?? TimeProvider.System;
        _pathMode = pathMode ?? (service => service == "s3" ? CanonicalPathMode.EncodeOnce : CanonicalPathMode.NormalizeEncodeTwice);
    }

    public AuthOutcome Verify(SignedRequest request, string service)
    {
        var query = SigV4.ParseRawQuery(request.RawQuery);
        var presigned = query.Any(p => p.Key == "X-Amz-Algorithm");

        // SigV2 (boto3's and `aws s3 presign`'s default presigned URLs in us-east-1, or an "AWS key:signature" header)
        // is not verified here: answered as S3 answers a signature version it does not take, not as a bare AccessDenied.
        if (!presigned && ((query.Any(p => p.Key == "AWSAccessKeyId") && query.Any(p => p.Key == "Signature"))
            || request.Header("Authorization")?.StartsWith("AWS ", StringComparison.Ordinal) == true))
        {
            return AuthOutcome.Fail(AuthFailure.UnsupportedSignatureVersion, "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
        }

        var parsed = presigned ? ParseQueryAuth(query) : ParseHeaderAuth(request);
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        var auth = parsed.Auth!;
        var scopeParts = auth.Credential.Split('/');
        if (scopeParts.Length != 5 || scopeParts[4] != "aws4_request")
        {
            return AuthOutcome.Fail(AuthFailure.Malformed, $"Credential should be scoped correctly: '{auth.Credential}' is not 'AccessKeyId/yyyyMMdd/region/service/aws4_request'.");
        }

        var (accessKeyId, scopeDate, scopeRegion, scopeService) = (scopeParts[0], scopeParts[1], scopeParts[2], scopeParts[3]);
        var credential = _credentials.GetValueOrDefault(accessKeyId) ?? _temporary?.KeyPair(accessKeyId);
        if (credential is null)
        {
            return AuthOutcome.Fail(AuthFailure.UnknownAccessKey, $"Access key '{accessKeyId}' is not known.") with { AccessKeyId = accessKeyId };
        }

        if (!SigV4.TryParseAmzDate(auth.AmzDate, out var requestTime))
        {
            return AuthOutcome.Fail(AuthFailure.Malformed, "The request has no valid X-Amz-Date (yyyyMMddTHHmmssZ).");
        }

        if (auth.AmzDate![..8] != scopeDate)
        {
            return AuthOutcome.Fail(AuthFailure.Malformed, $"Date in Credential scope '{scopeDate}' does not match the request date '{auth.AmzDate}'.");
        }

        if (scopeRegion != _region)
        {
            return AuthOutcome.Fail(AuthFailure.WrongRegion, $"the region '{scopeRegion}' is wrong; expecting '{_region}'");
        }

        if (scopeService != service)
        {
            return AuthOutcome.Fail(AuthFailure.WrongService, $"Credential should be scoped to correct service: '{service}'.");
        }

        var now = _clock.GetUtcNow();
        if (presigned)
        {
            if (requestTime - now > MaxSkew)
            {
                return AuthOutcome.Fail(AuthFailure.TimeSkewed, $"Request is not valid yet: {auth.AmzDate} is later than the server time {SigV4.FormatAmzDate(now)}.");
            }

            if (now > requestTime.AddSeconds(auth.ExpiresSeconds))
            {
                return AuthOutcome.Fail(AuthFailure.Expired, $"Request has expired: {auth.AmzDate} plus {auth.ExpiresSeconds} s is earlier than {SigV4.FormatAmzDate(now)}.");
            }
        }
        else if ((now - requestTime).Duration() > MaxSkew)
        {
            return AuthOutcome.Fail(AuthFailure.TimeSkewed, $"Signature expired: {auth.AmzDate} is now earlier than {SigV4.FormatAmzDate(now - MaxSkew)} ({SigV4.FormatAmzDate(now)} - 15 min.)");
        }

        if (!auth.SignedHeaders.Contains("host"))
        {
            return AuthOutcome.Fail(AuthFailure.Malformed, "SignedHeaders must include 'host'.");
        }

        if (!presigned && request.Header("x-amz-security-token") is not null && !auth.SignedHeaders.Contains("x-amz-security-token"))
        {
            return AuthOutcome.Fail(AuthFailure.UnsignedHeader, "There were headers present in the request which were not signed: x-amz-security-token.");
        }

        var claimedHash = presigned
            ? (service == "s3" ? query.FirstOrDefault(p => p.Key == "X-Amz-Content-Sha256").Value ?? SigV4.UnsignedPayload : SigV4.Sha256Hex(request.Body))
            : request.Header("x-amz-content-sha256") ?? SigV4.Sha256Hex(request.Body);
        if (!IsKnownPayloadHash(claimedHash))
        {
            return AuthOutcome.Fail(AuthFailure.Malformed, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.");
        }

        var canonicalRequest = SigV4.CanonicalRequest(
            request.Method,
            SigV4.CanonicalUri(request.RawPath, _pathMode(service)),
            SigV4.CanonicalQuery(query, exclude: presigned ? "X-Amz-Signature" : null),
            SigV4.CanonicalHeaders(auth.SignedHeaders, request.Headers),
            string.Join(';', auth.SignedHeaders),
            claimedHash);
        var scope = $"{scopeDate}/{scopeRegion}/{scopeService}/aws4_request";
        var stringToSign = SigV4.StringToSign(auth.AmzDate, scope, canonicalRequest);
        var signingKey = SigV4.SigningKey(credential.SecretAccessKey, scopeDate, scopeRegion, scopeService);
        var expected = SigV4.Sign(signingKey, stringToSign);
        var outcome = new AuthOutcome { AccessKeyId = accessKeyId, StringToSign = stringToSign, CanonicalRequest = canonicalRequest };
        if (!SigV4.FixedTimeEquals(expected, auth.Signature.ToLowerInvariant()))
        {
            return outcome with
            {
                Failure = AuthFailure.SignatureMismatch,
                Message = "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            };
        }

        var sessionToken = presigned ? query.FirstOrDefault(p => p.Key == "X-Amz-Security-Token").Value is { } inQuery ? SigV4.PercentDecode(inQuery) : null : request.Header("x-amz-security-token");
        if (_temporary?.Use(accessKeyId, sessionToken) is { } tokenFailure)
        {
            return outcome with { Failure = tokenFailure, Message = tokenFailure == AuthFailure.TokenExpired ? "The security token has expired." : "The security token is invalid." };
        }

        if (!claimedHash.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            if (claimedHash != SigV4.UnsignedPayload && claimedHash != SigV4.Sha256Hex(request.Body))
            {
                return outcome with { Failure = AuthFailure.PayloadHashMismatch, Message = "The provided 'x-amz-content-sha256' header does not match what was computed." };
            }

            return outcome with { Payload = request.Body };
        }

        var chunked = new AwsChunkedDecoder(
            claimedHash == SigV4.StreamingUnsignedPayloadTrailer ? null : new ChunkSigning(signingKey, auth.AmzDate, scope, auth.Signature.ToLowerInvariant()),
            expectTrailer: claimedHash != SigV4.StreamingPayload);
        var decoded = chunked.Decode(request.Body);
        if (decoded.Failure is not null)
        {
            return outcome with { Failure = decoded.Failure, Message = decoded.Message };
        }

        var declaredLength = request.Header("x-amz-decoded-content-length");
        if (declaredLength is not null && (!long.TryParse(declaredLength, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != decoded.Payload.Length))
        {
            return outcome with
            {
                Failure = AuthFailure.DecodedLengthMismatch,
                Message = $"x-amz-decoded-content-length is {declaredLength} but the decoded body has {decoded.Payload.Length} bytes.",
            };
        }

        return outcome with { Payload = decoded.Payload, Trailers = decoded.Trailers };
    }

    private static bool IsKnownPayloadHash(string value) =>
        value is SigV4.UnsignedPayload or SigV4.StreamingPayload or SigV4.StreamingPayloadTrailer or SigV4.StreamingUnsignedPayloadTrailer
        || Sha256HexPattern().IsMatch(value);

    private static (ParsedAuth? Auth, AuthOutcome? Error) ParseHeaderAuth(SignedRequest request)
    {
        var header = request.Header("authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, AuthOutcome.Fail(AuthFailure.MissingAuthentication, "Missing Authentication Token"));
        }

        if (!header.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            return (null, AuthOutcome.Fail(AuthFailure.Malformed, $"Unsupported Authorization Type; only {SigV4.Algorithm} is accepted."));
        }

        var fields = header[(SigV4.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(f => !fields.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            return (null, AuthOutcome.Fail(AuthFailure.Malformed, $"Authorization header requires {string.Join(", ", missing.Select(m => $"'{m}'"))} parameter(s)."));
        }

        var amzDate = request.Header("x-amz-date");
        if (amzDate is null && DateTimeOffset.TryParse(request.Header("date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var httpDate))
        {
            amzDate = SigV4.FormatAmzDate(httpDate);
        }

        return (new ParsedAuth(fields["Credential"], fields["SignedHeaders"].Split(';'), fields["Signature"], amzDate, 0), null);
    }

    private static (ParsedAuth? Auth, AuthOutcome? Error) ParseQueryAuth(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        string? Get(string name)
        {
            var pair = query.FirstOrDefault(p => p.Key == name);
            return pair.Key is null ? null : SigV4.PercentDecode(pair.Value);
        }

        if (Get("X-Amz-Algorithm") != SigV4.Algorithm)
        {
            return (null, AuthOutcome.Fail(AuthFailure.Malformed, $"X-Amz-Algorithm only supports \"{SigV4.Algorithm}\"."));
        }

        var credential = Get("X-Amz-Credential");
        var signedHeaders = Get("X-Amz-SignedHeaders");
        var signature = Get("X-Amz-Signature");
        var expires = Get("X-Amz-Expires");
        if (credential is null || signedHeaders is null || signature is null || expires is null)
        {
            return (null, AuthOutcome.Fail(AuthFailure.Malformed, "Query-string authentication requires the X-Amz-Credential, X-Amz-SignedHeaders, X-Amz-Signature, X-Amz-Date and X-Amz-Expires parameters."));
        }

        if (!int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > MaxPresignSeconds)
        {
            return (null, AuthOutcome.Fail(AuthFailure.Malformed, $"X-Amz-Expires must be a number of seconds from 1 to {MaxPresignSeconds}."));
        }

        return (new ParsedAuth(credential, signedHeaders.Split(';'), signature, Get("X-Amz-Date"), seconds), null);
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256HexPattern();

    private sealed record ParsedAuth(string Credential, string[] SignedHeaders, string Signature, string? AmzDate, int ExpiresSeconds);
}
