using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>Maps Core failures to PowerShell error categories and stable ErrorIds.</summary>
internal static class ErrorMapping
{
    public static ErrorCategory CategoryOf(AwsErrorKind kind) => kind switch
    {
        AwsErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        AwsErrorKind.AccessDenied => ErrorCategory.PermissionDenied,
        AwsErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        AwsErrorKind.TooManyConcurrentJobs => ErrorCategory.LimitsExceeded,
        AwsErrorKind.BadRequest => ErrorCategory.InvalidArgument,
        AwsErrorKind.NameConflict => ErrorCategory.ResourceExists,
        AwsErrorKind.CredentialsMissing => ErrorCategory.AuthenticationError,
        AwsErrorKind.CredentialsExpired => ErrorCategory.AuthenticationError,
        AwsErrorKind.ServiceFault => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>A service failure under its service-aware ErrorId (<c>TranscribeNotFound</c>, <c>S3ObjectNotFound</c>, ...).</summary>
    public static CommandError ToError(AwsServiceException exception, object? target)
        => new(exception, exception.ErrorId, CategoryOf(exception.Kind), target);

    /// <summary>A problem found while planning: its own ErrorId and the path, URI or value as the target.</summary>
    public static CommandError ToError(PlanProblem problem) => new(
        new PlanProblemException(problem),
        problem.ErrorId,
        problem.Category switch
        {
            PlanProblemCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
            PlanProblemCategory.InvalidData => ErrorCategory.InvalidData,
            PlanProblemCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
            PlanProblemCategory.ResourceExists => ErrorCategory.ResourceExists,
            PlanProblemCategory.ReadError => ErrorCategory.ReadError,
            _ => ErrorCategory.InvalidArgument,
        },
        problem.Target);
}

/// <summary>Errors the cmdlet layer itself raises (paths, parameters), each with its stable ErrorId.</summary>
internal static class CommandErrors
{
    public static CommandError PathNotFound(string path, Exception? inner = null)
        => new(new FileNotFoundException(Messages.PathNotFound(path), path, inner), "PathNotFound", ErrorCategory.ObjectNotFound, path);

    public static CommandError InvalidPath(string path, Exception inner)
        => new(new ArgumentException(Messages.PathInvalid(path, inner.Message), inner), "InvalidPath", ErrorCategory.InvalidArgument, path);

    public static CommandError NotFileSystem(string path, string provider)
        => new(new ArgumentException(Messages.PathNotFileSystem(path, provider)), "PathNotFileSystem", ErrorCategory.InvalidArgument, path);

    public static CommandError JobNotFound(string name, IReadOnlyList<JobKind> kinds, string region)
        => new(new ItemNotFoundException(Messages.JobNotFound(name, kinds, region)), "TranscribeJobNotFound", ErrorCategory.ObjectNotFound, name);

    public static CommandError NoTranscript(TranscriptionJob job, bool unredacted)
        => new(new InvalidOperationException(Messages.NoTranscript(job.JobName, job.Status, unredacted)), "TranscriptNotAvailable", ErrorCategory.InvalidOperation, job);

    public static CommandError FileExists(string path)
        => new(new IOException(Messages.FileExists(path)), "OutputFileExists", ErrorCategory.ResourceExists, path);

    public static CommandError InvalidParameters(string message, string errorId, object? target = null)
        => new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
}
