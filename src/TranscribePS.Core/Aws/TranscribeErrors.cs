using Amazon.Runtime;

namespace TranscribePS.Core.Aws;

/// <summary>Turns SDK exceptions (Transcribe or S3) into <see cref="TranscribeException"/> with a kind a cmdlet can act on.</summary>
public static class TranscribeErrors
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
        "SignatureDoesNotMatch", "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId", "InvalidAccessKeyId",
        "MissingAuthenticationToken", "IncompleteSignature", "AllAccessDisabled", "InvalidToken", "TokenRefreshRequired",
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
    public static TranscribeErrorKind Classify(string? errorCode, int? statusCode, string? message, string operation)
    {
        var code = errorCode ?? string.Empty;
        if (IsConcurrentJobQuota(code, message, operation))
        {
            return TranscribeErrorKind.TooManyConcurrentJobs;
        }

        if (code == "ConflictException")
        {
            return TranscribeErrorKind.NameConflict;
        }

        if (NotFoundCodes.Contains(code) || IsMissingResourceBadRequest(code, message))
        {
            return TranscribeErrorKind.NotFound;
        }

        if (code == "LimitExceededException" || ThrottlingCodes.Contains(code))
        {
            return TranscribeErrorKind.Throttled;
        }

        if (AccessDeniedCodes.Contains(code))
        {
            return TranscribeErrorKind.AccessDenied;
        }

        return statusCode switch
        {
            400 or 405 or 411 or 412 or 413 or 416 => TranscribeErrorKind.BadRequest,
            401 or 403 => TranscribeErrorKind.AccessDenied,
            404 => TranscribeErrorKind.NotFound,
            409 => TranscribeErrorKind.NameConflict,
            429 => TranscribeErrorKind.Throttled,
            _ => TranscribeErrorKind.ServiceFault,
        };
    }

    /// <summary>
    /// The exception to throw instead of <paramref name="exception"/>, or null when it must propagate unchanged
    /// (cancellation the caller asked for, argument errors of our own).
    /// </summary>
    public static TranscribeException? Translate(Exception exception, string operation, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case TranscribeException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case AmazonServiceException service:
                {
                    var status = service.StatusCode == 0 ? (int?)null : (int)service.StatusCode;
                    var kind = Classify(service.ErrorCode, status, service.Message, operation);
                    return new TranscribeException(
                        kind,
                        Messages.ServiceError(operation, kind, service.ErrorCode, service.Message),
                        service.ErrorCode,
                        status,
                        service.RequestId,
                        service);
                }

            case AmazonClientException client when IsMissingCredentials(client):
                return new TranscribeException(TranscribeErrorKind.CredentialsMissing, Messages.CredentialsMissing, innerException: client);
            case AmazonClientException or HttpRequestException or IOException or OperationCanceledException:
                // OperationCanceledException here is an HTTP timeout: nobody asked to cancel.
                return new TranscribeException(TranscribeErrorKind.ServiceFault, Messages.Unreachable(operation, target, exception.Message), innerException: exception);
            default:
                return null;
        }
    }

    private static bool IsMissingCredentials(AmazonClientException exception) =>
        exception.Message.Contains("resolve AWS credentials", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("Unable to find credentials", StringComparison.OrdinalIgnoreCase);

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
