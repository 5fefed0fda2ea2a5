namespace TranscribePS.Core.Aws;

/// <summary>The AWS service a call went to.</summary>
public enum AwsService
{
    Transcribe,
    S3,
}

/// <summary>What kind of failure an AWS call met; cmdlets map it to an ErrorCategory.</summary>
public enum AwsErrorKind
{
    NotFound,
    NameConflict,
    Throttled,
    TooManyConcurrentJobs,
    BadRequest,
    AccessDenied,
    CredentialsMissing,

    /// <summary>
    /// Temporary credentials (a session token from STS, SSO or a role) have expired: refreshing them, not the
    /// permissions, is the fix.
    /// </summary>
    CredentialsExpired,
    ServiceFault,
}

/// <summary>
/// A failed AWS call, carrying the service's own message: <see cref="TranscribeException"/> or
/// <see cref="S3Exception"/>, so an error says which service failed and its ErrorId can say so too.
/// </summary>
public abstract class AwsServiceException : Exception
{
    private protected AwsServiceException(AwsErrorKind kind, string message, string? errorCode, int? statusCode, string? requestId, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public abstract AwsService Service { get; }

    public AwsErrorKind Kind { get; }

    /// <summary>The service's error code, such as <c>LimitExceededException</c> or <c>NoSuchKey</c>.</summary>
    public string? ErrorCode { get; }

    public int? StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>
    /// The stable ErrorId of the failure, service first: <c>TranscribeNotFound</c>, <c>TranscribeThrottled</c>,
    /// <c>S3ObjectNotFound</c>, <c>S3BucketNotFound</c>, <c>S3AccessDenied</c>.
    /// </summary>
    public string ErrorId => (Service, Kind, ErrorCode) switch
    {
        (AwsService.S3, AwsErrorKind.NotFound, "NoSuchBucket") => "S3BucketNotFound",
        (AwsService.S3, AwsErrorKind.NotFound, _) => "S3ObjectNotFound",
        _ => Service.ToString() + Kind,
    };
}

/// <summary>A failed Amazon Transcribe call.</summary>
public sealed class TranscribeException : AwsServiceException
{
    public TranscribeException(AwsErrorKind kind, string message, string? errorCode = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(kind, message, errorCode, statusCode, requestId, innerException)
    {
    }

    public override AwsService Service => AwsService.Transcribe;
}

/// <summary>A failed Amazon S3 call (upload, read, download, delete of a recording or an output file).</summary>
public sealed class S3Exception : AwsServiceException
{
    public S3Exception(AwsErrorKind kind, string message, string? errorCode = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(kind, message, errorCode, statusCode, requestId, innerException)
    {
    }

    public override AwsService Service => AwsService.S3;
}
