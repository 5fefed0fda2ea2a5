using Amazon.Runtime;

namespace TranscribePS.Core.Aws;

/// <summary>Turns SDK exceptions into <see cref="TranscribeException"/> or <see cref="S3Exception"/>, with a kind a cmdlet can act on.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
        "SignatureDoesNotMatch", "InvalidClientTokenId", "InvalidAccessKeyId", "MissingAuthenticationToken",
        "IncompleteSignature", "AllAccessDisabled", "InvalidToken",
    };

    /// <summary>JSON services answer <c>ExpiredTokenException</c>, S3 <c>ExpiredToken</c> (or <c>TokenRefreshRequired</c>).</summary>
    private static readonly HashSet<string> ExpiredCodes = new(StringComparer.Ordinal)
    {
        "ExpiredTokenException", "ExpiredToken", "TokenRefreshRequired",
    };

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
        "SlowDown", "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "NotFoundException", "NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NotFound",
    };

    /// <summary>
    /// Decides the kind from the service's error code, the HTTP status and, for <c>LimitExceededException</c> (used
    /// both for API throttling and for the concurrent-job quota), the message.
    /// </summary>
    public static AwsErrorKind Classify(string? errorCode, int? statusCode, string? message, string operation)
    {
        var code = errorCode ?? string.Empty;
        if (IsConcurrentJobQuota(code, message, operation))
        {
            return AwsErrorKind.TooManyConcurrentJobs;
        }

        if (code == "ConflictException")
        {
            return AwsErrorKind.NameConflict;
        }

        if (NotFoundCodes.Contains(code) || IsMissingResourceBadRequest(code, message))
        {
            return AwsErrorKind.NotFound;
        }

        if (code == "LimitExceededException" || ThrottlingCodes.Contains(code))
        {
            return AwsErrorKind.Throttled;
        }

        if (ExpiredCodes.Contains(code))
        {
            return AwsErrorKind.CredentialsExpired;
        }

        if (AccessDeniedCodes.Contains(code))
        {
            return AwsErrorKind.AccessDenied;
        }

        return statusCode switch
        {
            400 or 405 or 411 or 412 or 413 or 416 => AwsErrorKind.BadRequest,
            401 or 403 => AwsErrorKind.AccessDenied,
            404 => AwsErrorKind.NotFound,
            409 => AwsErrorKind.NameConflict,
            429 => AwsErrorKind.Throttled,
            _ => AwsErrorKind.ServiceFault,
        };
    }

    /// <summary>
    /// The exception to throw instead of <paramref name="exception"/>, of <paramref name="service"/>'s own type, or
    /// null when it must propagate unchanged (one already translated, cancellation the caller asked for, argument
    /// errors of our own).
    /// </summary>
    public static AwsServiceException? Translate(AwsService service, Exception exception, string operation, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case AwsServiceException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case AmazonServiceException failure:
                {
                    var status = failure.StatusCode == 0 ? (int?)null : (int)failure.StatusCode;
                    var kind = Classify(failure.ErrorCode, status, failure.Message, operation);
                    return Create(service, kind, Messages.ServiceError(service, operation, kind, failure.ErrorCode, failure.Message, target), failure.ErrorCode, status, failure.RequestId, failure);
                }

            case AmazonClientException client when IsMissingCredentials(client):
                return Create(service, AwsErrorKind.CredentialsMissing, Messages.CredentialsMissing, null, null, null, client);
            case AmazonClientException client when IsExpiredLogin(client):
                return Create(service, AwsErrorKind.CredentialsExpired, Messages.CredentialsExpired(operation), null, null, null, client);
            case AmazonClientException or HttpRequestException or IOException or OperationCanceledException:
                // OperationCanceledException here is an HTTP timeout: nobody asked to cancel.
                return Create(service, AwsErrorKind.ServiceFault, Messages.Unreachable(operation, target, exception.Message), null, null, null, exception);
            default:
                return null;
        }
    }

    /// <summary>A failure of <paramref name="service"/> as its own exception type.</summary>
    public static AwsServiceException Create(AwsService service, AwsErrorKind kind, string message, string? errorCode = null, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        => service == AwsService.S3
            ? new S3Exception(kind, message, errorCode, statusCode, requestId, innerException)
            : new TranscribeException(kind, message, errorCode, statusCode, requestId, innerException);

    private static bool IsMissingCredentials(AmazonClientException exception) =>
        exception.Message.Contains("resolve AWS credentials", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("Unable to find credentials", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a service answer says the credentials that signed the call have expired.</summary>
    public static bool IsExpiredCredentials(AmazonServiceException exception) =>
        exception is not null && ExpiredCodes.Contains(exception.ErrorCode ?? string.Empty);

    // The SDK cannot get fresh credentials for the call: an SSO or login session that has ended ("SSO Token has
    // expired and can not be refreshed"), or a credential source that handed out credentials already expired.
    private static bool IsExpiredLogin(AmazonClientException exception) =>
        exception.Message.Contains("Token has expired", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("credentials have already expired", StringComparison.OrdinalIgnoreCase);

    // Get and Delete of a job that does not exist answer BadRequestException "The requested job couldn't be found.
    // Check the job name and try your request again." rather than the modelled NotFoundException.
    private static bool IsMissingResourceBadRequest(string code, string? message) =>
        code == "BadRequestException"
        && message is not null
        && (message.Contains("couldn't be found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("could not be found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || message.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase));

    // The service words the quota "You have too many jobs running at the same time"; older accounts received it as
    // BadRequestException. API throttling uses the same code with other wording ("Rate exceeded").
    private static bool IsConcurrentJobQuota(string code, string? message, string operation) =>
        operation.StartsWith("Start", StringComparison.Ordinal)
        && code is "LimitExceededException" or "BadRequestException"
        && message is not null
        && (message.Contains("too many jobs", StringComparison.OrdinalIgnoreCase)
            || message.Contains("concurrent", StringComparison.OrdinalIgnoreCase));
}
