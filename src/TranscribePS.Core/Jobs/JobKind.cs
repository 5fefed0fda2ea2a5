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
    public static JobStatus FromWire(string value)
        => TryFromWire(value, out var status) ? status : throw new FormatException($"Unknown job status '{value}'.");

    /// <summary>The status a service spelling (QUEUED, IN_PROGRESS, FAILED, COMPLETED; any case) stands for.</summary>
    public static bool TryFromWire(string? value, out JobStatus status)
    {
        (var known, status) = value?.ToUpperInvariant() switch
        {
            "QUEUED" => (true, JobStatus.Queued),
            "IN_PROGRESS" => (true, JobStatus.InProgress),
            "FAILED" => (true, JobStatus.Failed),
            "COMPLETED" => (true, JobStatus.Completed),
            _ => (false, default(JobStatus)),
        };
        return known;
    }

    public static bool IsFinished(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed;
}
