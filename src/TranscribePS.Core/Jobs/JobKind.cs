namespace TranscribePS.Core.Jobs;

/// <summary>The four families of Amazon Transcribe batch jobs; each has its own API operations.</summary>
public enum JobKind
{
    Medical,
    CallAnalytics,
    Standard,
    Scribe,
}

/// <summary>Job status as the service reports it (QUEUED, IN_PROGRESS, FAILED, COMPLETED).</summary>
public enum JobStatus
{
    Queued,
    InProgress,
    Failed,
    Completed,
}

public static class JobStatusText
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Queued => "QUEUED",
        JobStatus.InProgress => "IN_PROGRESS",
        JobStatus.Failed => "FAILED",
        JobStatus.Completed => "COMPLETED",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Case-insensitive: PowerShell's ValidateSet accepts "completed" as well as "COMPLETED".</summary>
    public static JobStatus FromWire(string value) => value.ToUpperInvariant() switch
    {
        "QUEUED" => JobStatus.Queued,
        "IN_PROGRESS" => JobStatus.InProgress,
        "FAILED" => JobStatus.Failed,
        "COMPLETED" => JobStatus.Completed,
        _ => throw new FormatException($"Unknown job status '{value}'."),
    };

    public static bool IsFinished(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed;
}
