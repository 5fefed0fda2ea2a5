using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.S3;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Hosting;

/// <summary>Words a failed signature check the way each service does.</summary>
internal static class AuthErrors
{
    private const string SignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static ApiError ForTranscribe(AuthOutcome outcome) => outcome.Failure switch
    {
        AuthFailure.MissingAuthentication => new ApiError("MissingAuthenticationTokenException", 403, "Missing Authentication Token"),
        AuthFailure.Malformed => new ApiError("IncompleteSignatureException", 400, outcome.Message),
        AuthFailure.UnknownAccessKey => new ApiError("UnrecognizedClientException", 403, "The security token included in the request is invalid."),
        AuthFailure.SignatureMismatch or AuthFailure.PayloadHashMismatch => new ApiError("InvalidSignatureException", 403, SignatureMessage),
        AuthFailure.WrongRegion => new ApiError("InvalidSignatureException", 403, $"Credential should be scoped to a valid region, not '{outcome.Message}'."),
        AuthFailure.InvalidToken => new ApiError("UnrecognizedClientException", 403, "The security token included in the request is invalid."),
        AuthFailure.TokenExpired => new ApiError("ExpiredTokenException", 400, "The security token included in the request is expired"),
        _ => new ApiError("InvalidSignatureException", 403, outcome.Message),
    };

    public static S3Exception ForS3(AuthOutcome outcome) =>
        outcome.Failure switch
        {
            AuthFailure.MissingAuthentication => new S3Exception(403, "AccessDenied", "Access Denied"),
            AuthFailure.Malformed => new S3Exception(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + outcome.Message),
            AuthFailure.WrongRegion => new S3Exception(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + outcome.Message) { Details = { ["Region"] = outcome.Message } },
            AuthFailure.WrongService => new S3Exception(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + outcome.Message),
            AuthFailure.UnknownAccessKey => new S3Exception(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.") { Details = { ["AWSAccessKeyId"] = outcome.AccessKeyId ?? string.Empty } },
            AuthFailure.SignatureMismatch => new S3Exception(403, "SignatureDoesNotMatch", SignatureMessage)
            {
                Details =
                {
                    ["AWSAccessKeyId"] = outcome.AccessKeyId ?? string.Empty,
                    ["StringToSign"] = outcome.StringToSign ?? string.Empty,
                    ["CanonicalRequest"] = outcome.CanonicalRequest ?? string.Empty,
                },
            },
            AuthFailure.ChunkSignatureMismatch => new S3Exception(403, "SignatureDoesNotMatch", outcome.Message),
            AuthFailure.TimeSkewed => new S3Exception(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."),
            AuthFailure.Expired => new S3Exception(403, "AccessDenied", "Request has expired"),
            AuthFailure.PayloadHashMismatch => new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."),
            AuthFailure.MalformedChunkedBody => new S3Exception(400, "IncompleteBody", outcome.Message),
            AuthFailure.DecodedLengthMismatch => new S3Exception(400, "IncompleteBody", outcome.Message),
            AuthFailure.UnsignedHeader => new S3Exception(403, "AccessDenied", outcome.Message),
            AuthFailure.UnsupportedSignatureVersion => new S3Exception(400, "InvalidRequest", outcome.Message),
            AuthFailure.InvalidToken => new S3Exception(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
            AuthFailure.TokenExpired => new S3Exception(400, "ExpiredToken", "The provided token has expired."),
            _ => new S3Exception(403, "AccessDenied", outcome.Message),
        };
}
