namespace TranscribePS.Core.Aws;

/// <summary>What kind of failure a Transcribe (or S3) call met; cmdlets map it to an ErrorCategory.</summary>
public enum TranscribeErrorKind
{
    NotFound,
    NameConflict,
    Throttled,
    TooManyConcurrentJobs,
    BadRequest,
    AccessDenied,
    CredentialsMissing,
    ServiceFault,
}

/// <summary>The one exception type Core throws for service failures, carrying the service's own message.</summary>
public sealed class TranscribeException : Exception
{
    public TranscribeException(TranscribeErrorKind kind, string message, string? errorCode = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public TranscribeErrorKind Kind { get; }

    /// <summary>The service's error code, such as <c>LimitExceededException</c>.</summary>
    public string? ErrorCode { get; }

    public int? StatusCode { get; }

    public string? RequestId { get; }
}
