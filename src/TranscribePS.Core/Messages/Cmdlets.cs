using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;

namespace TranscribePS.Core;

/// <summary>Messages the cmdlet layer shows: paths, parameters, prompts, progress and per-item outcomes.</summary>
public static partial class Messages
{
    public static string PathNotFound(string path)
        => $"Cannot find '{path}'. Check the path, or use -LiteralPath when the name contains [ or ] characters.";

    public static string PathInvalid(string path, string reason)
        => $"'{path}' cannot be used as a path: {reason} Check the path; use -LiteralPath when the name contains [ or ] characters.";

    public static string PathNotFileSystem(string path, string provider)
        => $"'{path}' is on the {provider} provider; TranscribePS reads recordings and transcripts only from the file system.";

    public static string JobNotFound(string name, string kind)
        => kind.Equals("All", StringComparison.OrdinalIgnoreCase)
            ? $"No Transcribe job named '{name}' exists in this region. Check the name and -Region, or list jobs with Get-TranscribeJob."
            : $"No {kind} job named '{name}' exists in this region. Check the name, -Kind and -Region, or list jobs with Get-TranscribeJob -Kind {kind}.";

    public const string StepEnded
        = "The cmdlet step this work belongs to has ended (stopped or failed), so it can no longer write to the pipeline.";

    public const string WaitSettingsNeedWait
        = "-Timeout and -PollInterval only apply with -Wait. Add -Wait, or pipe the started jobs to Wait-TranscribeJob -Timeout ... instead.";

    public static string JobNameNeedsOneRecording(string jobName)
        => $"-JobName '{jobName}' names one job, but more than one recording came in. Leave -JobName out to get a stable name per recording, or start the recordings one at a time.";

    public static string SubmissionOutcome(SubmissionOutcome outcome, UploadOutcome upload, string jobName, string source)
    {
        var uploaded = upload switch
        {
            UploadOutcome.Uploaded => " (uploaded)",
            UploadOutcome.Skipped => " (upload skipped: the same content is already in S3)",
            _ => string.Empty,
        };
        return outcome switch
        {
            Submission.SubmissionOutcome.Reused => $"Reused job '{jobName}' for {source}: it was started earlier for the same recording and settings.",
            Submission.SubmissionOutcome.Replaced => $"Replaced job '{jobName}' for {source}{uploaded}: the job of that name was deleted (-Force) and started again.",
            _ => $"Started job '{jobName}' for {source}{uploaded}.",
        };
    }

    public const string UploadActivity = "Uploading recordings";

    public const string UploadDone = "Uploads done";

    public static string UploadStatus(string path, long done, long total)
        => $"{Path.GetFileName(path)}: {done / 1048576.0:0.0} of {total / 1048576.0:0.0} MB";

    public static string WaitActivity(int total) => $"Waiting for {total} Transcribe job(s)";

    public const string WaitDone = "Done";

    public static string WaitStatus(int completed, int failed, int running, TimeSpan elapsed)
        => $"{completed} completed, {failed} failed, {running} running; {elapsed:hh\\:mm\\:ss} elapsed";

    public static string NoTranscript(string jobName, JobStatus status, bool unredacted)
        => status != JobStatus.Completed
            ? $"Job '{jobName}' is {status.ToWire()}, so it has no transcript yet. Pipe it through Wait-TranscribeJob first."
            : unredacted
                ? $"Job '{jobName}' has no unredacted transcript; only jobs started with -RedactionOutput RedactedAndUnredacted have one."
                : $"Job '{jobName}' has no output file to read.";

    public static string RemoveJobTarget(JobKind? kind, string jobName)
        => kind is null ? $"Transcribe job '{jobName}'" : $"{kind} job '{jobName}'";

    public static string RemoveJobAction(bool includeOutput)
        => includeOutput ? "Delete the job and its output files in S3" : "Delete the job";

    public static string OutputDeleted(string uri) => $"Deleted output {uri}.";

    public static string JobRemoved(JobKind kind, string jobName) => $"Deleted {kind} job '{jobName}'.";

    public static string SaveOutputAction(string uri) => $"Download {uri}";

    public static string FileExists(string path)
        => $"'{path}' already exists. Use -Force to overwrite it, or choose another -Destination.";

    public static string CreateCategoryAction(int rules) => $"Create call analytics category with {rules} rule(s)";

    public static string UpdateCategoryAction(int rules) => $"Replace the rules of the call analytics category with {rules} rule(s)";

    public const string RemoveCategoryAction = "Delete call analytics category";

    public static string CategoryRemoved(string name) => $"Deleted call analytics category '{name}'.";
}
