using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Core;

/// <summary>Messages the cmdlet layer shows: paths, parameters, prompts, progress and per-item outcomes.</summary>
public static partial class Messages
{
    public static string PathNotFound(string path)
        => $"Cannot find '{path}'. Check the path, or use -LiteralPath when the name contains [ or ] characters.";

    public static string PathInvalid(string path, string reason)
        => $"'{path}' cannot be used as a path: {Sentence(reason)} Check the path; use -LiteralPath when the name contains [ or ] characters.";

    public static string PathNotFileSystem(string path, string provider)
        => $"'{path}' is on the {provider} provider; TranscribePS reads recordings and transcripts only from the file system.";

    /// <summary>A job looked up by name (Get/Wait/Remove -Name) or one that vanished during a wait.</summary>
    /// <param name="kinds">The kinds searched: one names it, several (or none) say "Transcribe job".</param>
    /// <param name="region">Where it was looked for; null when unknown.</param>
    public static string JobNotFound(string name, IReadOnlyList<JobKind> kinds, string? region)
        => Text($"No {(kinds.Count == 1 ? kinds[0].ToString() : "Transcribe")} job named '{name}' exists in {region ?? "this region"}. Check the name{(kinds.Count == 1 ? ", -Kind" : string.Empty)} and -Region (Get-TranscribeJob lists the jobs there); a job deleted meanwhile has to be started again.");

    public const string NameRequired
        = "Give the jobs: -Name with names or wildcard patterns (such as 'visit*'), or pipe jobs from Get-TranscribeJob or a Start cmdlet.";

    public const string InvocationEnded
        = "The cmdlet has ended (finished, stopped or failed), so this work can no longer write to the pipeline.";

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
        => Text($"{Path.GetFileName(path)}: {done / 1048576.0:0.0} of {total / 1048576.0:0.0} MB");

    public const string SlotActivity = "Waiting for a free job slot";

    public const string SlotFree = "A job slot is free";

    /// <summary>The concurrent-job window is full.</summary>
    public static string SlotStatus(Jobs.JobKind kind, int running, int limit)
    {
        var name = kind switch
        {
            Jobs.JobKind.Medical => "medical",
            Jobs.JobKind.CallAnalytics => "call analytics",
            Jobs.JobKind.Scribe => "HealthScribe",
            _ => "transcription",
        };
        return Text($"{running} of {limit} {name} jobs queued or in progress in the account; the next starts when one ends");
    }

    /// <summary>Several uploads side by side: their bytes together.</summary>
    public static string UploadsStatus(int files, long done, long total)
        => Text($"{files} recordings: {done / 1048576.0:0.0} of {total / 1048576.0:0.0} MB");

    public static string WaitActivity(int total) => Text($"Waiting for {total} Transcribe job(s)");

    /// <summary>
    /// The wait bar's status line: counts by status, elapsed time and the next check, e.g.
    /// "1 queued, 2 in progress, 3 completed, 1 failed; 0:01:05 elapsed; next check at 14:05:32 (in 8 s)".
    /// </summary>
    public static string WaitStatus(WaitProgress progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var counts = new List<string>
        {
            $"{progress.Queued} queued",
            $"{progress.InProgress} in progress",
            $"{progress.Completed} completed",
            $"{progress.Failed} failed",
        };
        if (progress.TimedOut > 0)
        {
            counts.Add($"{progress.TimedOut} timed out");
        }

        if (progress.NotFound > 0)
        {
            counts.Add($"{progress.NotFound} not found");
        }

        var elapsed = now - progress.Started;
        var next = progress.NextCheck switch
        {
            null => string.Empty,
            { } due when due <= now => "; checking now",
            { } due => Text($"; next check at {due.ToLocalTime():HH:mm:ss} (in {Math.Ceiling((due - now).TotalSeconds):0} s)"),
        };
        return Text($"{string.Join(", ", counts)}; {(int)elapsed.TotalHours}:{elapsed:mm\\:ss} elapsed{next}");
    }

    /// <summary>A job's line under the wait bar: how it left the wait, or the status last read.</summary>
    public static string WaitJobState(JobStatus lastStatus, WaitOutcome? outcome) => outcome switch
    {
        WaitOutcome.Completed => "COMPLETED",
        WaitOutcome.Failed => "FAILED",
        WaitOutcome.TimedOut => $"timed out ({lastStatus.ToWire()})",
        WaitOutcome.NotFound => "not found",
        _ => lastStatus.ToWire(),
    };

    public static string NoTranscript(string jobName, JobStatus status, bool unredacted)
        => status != JobStatus.Completed
            ? $"Job '{jobName}' is {status.ToWire()}, so it has no transcript yet. Pipe it through Wait-TranscribeJob first."
            : unredacted
                ? $"Job '{jobName}' has no unredacted transcript; only jobs started with -RedactionOutput RedactedAndUnredacted have one."
                : $"Job '{jobName}' has no output file to read.";

    public static string RemoveJobTarget(JobKind? kind, string jobName)
        => kind is null ? $"Transcribe job '{jobName}'" : $"{kind} job '{jobName}'";

    /// <summary>The confirm and -WhatIf text of Remove-TranscribeJob: every object it will delete, and what stays.</summary>
    public static string RemoveJobAction(Jobs.JobRemoval removal)
    {
        var parts = new List<string> { "Delete the job" };
        if (removal.Objects.Count > 0)
        {
            parts.Add(Text($"delete {removal.Objects.Count} object(s) in S3: {string.Join(", ", removal.Objects)}"));
        }

        if (removal.CandidateMedia is { } media)
        {
            parts.Add($"delete the recording {media} if TranscribePS uploaded it");
        }

        if (removal.Kept.Count > 0)
        {
            parts.Add("keep " + string.Join(", ", removal.Kept.Select(k => $"{k.Uri} ({k.Reason})")));
        }

        return string.Join("; ", parts);
    }

    /// <summary>-WhatIf on a job given by name: nothing is read, so its objects cannot be listed.</summary>
    public static string RemoveNamedJobAction(Jobs.RemovalScope scope) => (scope.Outputs, scope.Media) switch
    {
        (false, false) => "Delete the job",
        (true, false) => "Delete the job and its output objects in S3 (-WhatIf reads nothing, so they are not listed here)",
        (false, true) => "Delete the job and its recording if TranscribePS uploaded it (-WhatIf reads nothing, so it is not named here)",
        _ => "Delete the job, its output objects in S3 and its recording if TranscribePS uploaded it (-WhatIf reads nothing, so they are not listed here)",
    };

    public static string RemoveMatchingJobsTarget(string pattern, string kind)
        => kind.Equals(Jobs.JobKinds.All, StringComparison.OrdinalIgnoreCase) ? $"Every Transcribe job matching '{pattern}'" : $"Every {kind} job matching '{pattern}'";

    public const string KeptServiceOutput = "in the service's own bucket, which the service manages";

    public const string KeptMediaNotOurs = "not uploaded by TranscribePS";

    public const string KeptMediaGone = "already gone";

    public const string RemovalNotChecked = "A removal described without reading S3 (-WhatIf) cannot be carried out; plan it with PlanAsync.";

    public static string ObjectDeleted(string uri) => $"Deleted {uri}.";

    public static string ObjectKept(string uri, string reason) => $"Kept {uri}: {Sentence(reason)}";

    public static string JobRemoved(JobKind kind, string jobName) => $"Deleted {kind} job '{jobName}'.";

    public static string SaveOutputAction(string uri) => $"Download {uri}";

    public static string FileExists(string path)
        => $"'{path}' already exists. Use -Force to overwrite it, or choose another -Destination.";

    public static string SaveJobNameInvalid(string name) =>
        $"'{name}' is not a job name the service could have given (1 to 200 letters, digits, '.', '_' or '-'), so its outputs are not saved under it. Check the JobName of the object piped in (from a CSV, for example).";

    public static string OutputPathOutsideDestination(string fileName, string folder) =>
        $"The output file name '{fileName}' would not be a file directly inside '{folder}', so it is not saved. Check the JobName of the object piped in.";

    public static string OutputPathIsFolder(string path) =>
        $"'{path}' is a folder, so the output cannot be saved under that name. Rename or move the folder, or choose another -Destination.";

    public static string DestinationNotFolder(string path) =>
        $"-Destination '{path}' is a file, not a folder. Give the folder the outputs go into (it is created if it does not exist).";

    public static string CreateCategoryAction(int rules) => Text($"Create call analytics category with {rules} rule(s)");

    public static string UpdateCategoryAction(int rules) => Text($"Replace the rules of the call analytics category with {rules} rule(s)");

    public const string RemoveCategoryAction = "Delete call analytics category";

    public static string MatchingCategoriesTarget(string pattern) => $"Every call analytics category matching '{pattern}'";

    public static string CategoryRemoved(string name) => $"Deleted call analytics category '{name}'.";
}
