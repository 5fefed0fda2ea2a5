using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace TranscribePS.Core.Jobs;

/// <summary>
/// The four families of Amazon Transcribe batch jobs; each has its own API operations.
/// Output enums carry Newtonsoft.Json's StringEnumConverter: PowerShell's ConvertTo-Json hands enum values to
/// Newtonsoft.Json, which honours the type's converter, so plain ConvertTo-Json writes "Medical" (as Export-Csv
/// does), not 0, while the objects keep enum values for -eq, Sort-Object and Group-Object. Only the attribute's
/// metadata is referenced; at run time it is PowerShell's own Newtonsoft.Json.
/// </summary>
[JsonConverter(typeof(StringEnumConverter))]
public enum JobKind
{
    Medical,
    CallAnalytics,
    Standard,
    Scribe,
}

/// <summary>Job status as the service reports it (QUEUED, IN_PROGRESS, FAILED, COMPLETED); a name in JSON, as <see cref="JobKind"/>.</summary>
[JsonConverter(typeof(StringEnumConverter))]
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
