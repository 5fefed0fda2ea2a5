using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Categories;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>The wire words of job status.</summary>
internal static class JobStatusWords
{
    public const string Queued = "QUEUED";
    public const string InProgress = "IN_PROGRESS";
    public const string Failed = "FAILED";
    public const string Completed = "COMPLETED";

    public static bool IsFinished(string status) => status is Failed or Completed;
}

/// <summary>Where a finished job's output files are.</summary>
internal sealed record JobOutputs(string? TranscriptFileUri, string? RedactedTranscriptFileUri, string? ClinicalDocumentUri, IReadOnlyList<string> SubtitleFileUris)
{
    /// <summary>Call analytics with Media.RedactedMediaFileUri: where the redacted recording was written.</summary>
    public string? RedactedMediaFileUri { get; init; }
}

/// <summary>One emulated job and its place in the lifecycle. Mutated only under the API's lock.</summary>
internal sealed class JobRecord
{
    public required TranscribeJobFamily Family { get; init; }
    public required string Name { get; init; }

    /// <summary>The Start request as received; the job's settings are echoed from it.</summary>
    public required JsonObject Request { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    public required string LanguageCode { get; init; }
    public required S3Location Media { get; init; }

    /// <summary>Call analytics: the POST_CALL categories that existed when the job started.</summary>
    public IReadOnlyList<CategoryRecord> Categories { get; init; } = [];

    public string Status { get; set; } = JobStatusWords.Queued;

    /// <summary>Over the concurrent-job quota and allowed to queue: waits for a slot before its queue delay starts.</summary>
    public bool WaitingForSlot { get; set; }
    public DateTimeOffset? StartAt { get; set; }
    public DateTimeOffset? CompleteAt { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? CompletionTime { get; set; }
    public MediaAssessment? Assessment { get; set; }
    public string? FailureReason { get; set; }
    public JobOutputs? Outputs { get; set; }

    /// <summary>Call analytics: features the service skipped (summaries of too little conversation).</summary>
    public JsonArray? Skipped { get; set; }

    /// <summary>Admitted to run: counts against the concurrent-job quota.</summary>
    public bool Admitted => Status == JobStatusWords.InProgress || (Status == JobStatusWords.Queued && !WaitingForSlot);
}
