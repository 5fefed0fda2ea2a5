namespace TranscribePS.Emulator.Auth;

/// <summary>Why a request was refused; each protocol words it in its own error format.</summary>
public enum AuthFailure
{
    MissingAuthentication,
    Malformed,
    UnknownAccessKey,
    SignatureMismatch,
    TimeSkewed,
    Expired,
    WrongRegion,
    WrongService,
    PayloadHashMismatch,
    ChunkSignatureMismatch,
    MalformedChunkedBody,
    DecodedLengthMismatch,
    UnsignedHeader,

    /// <summary>Signature Version 2 (query AWSAccessKeyId/Signature or an "AWS " Authorization header).</summary>
    UnsupportedSignatureVersion,

    /// <summary>Signed with temporary credentials but without (or with another) session token.</summary>
    InvalidToken,

    /// <summary>Signed with temporary credentials that have expired.</summary>
    TokenExpired,
}

/// <summary>The verifier's answer: either a failure with its reason, or the verified (and de-chunked) payload.</summary>
public sealed record AuthOutcome
{
    public AuthFailure? Failure { get; init; }

    public string Message { get; init; } = string.Empty;

    public string? AccessKeyId { get; init; }

    /// <summary>The body with any aws-chunked framing removed.</summary>
    public byte[] Payload { get; init; } = [];

    /// <summary>Trailing headers of an aws-chunked body, names lowercase (without x-amz-trailer-signature).</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; init; } = new Dictionary<string, string>();

    /// <summary>What the server signed, for SignatureDoesNotMatch answers that help a client author debug.</summary>
    public string? StringToSign { get; init; }

    public string? CanonicalRequest { get; init; }

    public bool Succeeded => Failure is null;

    public static AuthOutcome Fail(AuthFailure failure, string message) => new() { Failure = failure, Message = message };
}
