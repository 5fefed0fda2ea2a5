using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>Maps Core failures to PowerShell error categories and stable ErrorIds.</summary>
internal static class ErrorMapping
{
    public static ErrorCategory CategoryOf(TranscribeErrorKind kind) => kind switch
    {
        TranscribeErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        TranscribeErrorKind.AccessDenied => ErrorCategory.PermissionDenied,
        TranscribeErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        TranscribeErrorKind.TooManyConcurrentJobs => ErrorCategory.LimitsExceeded,
        TranscribeErrorKind.BadRequest => ErrorCategory.InvalidArgument,
        TranscribeErrorKind.NameConflict => ErrorCategory.ResourceExists,
        TranscribeErrorKind.CredentialsMissing => ErrorCategory.AuthenticationError,
        TranscribeErrorKind.ServiceFault => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>The stable ErrorId of a service failure: <c>Transcribe</c> + the kind, e.g. <c>TranscribeNotFound</c>.</summary>
    public static string ServiceErrorId(TranscribeException exception) => "Transcribe" + exception.Kind;

    public static CommandError ToError(TranscribeException exception, string errorId, object? target)
        => new(exception, errorId, CategoryOf(exception.Kind), target);

    public static CommandError ToError(TranscribeException exception, object? target)
        => ToError(exception, ServiceErrorId(exception), target);

    /// <summary>A recording that could be planned but not read for upload (locked, deleted or denied since).</summary>
    public static CommandError MediaUnreadable(string path, Exception exception)
        => ToError(new PlanProblem("MediaUnreadable", Messages.MediaUnreadable(path, exception.Message), PlanProblemCategory.ReadError, path));

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
