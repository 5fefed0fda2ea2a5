namespace TranscribePS.Core.Jobs;

/// <summary>
/// One Transcribe job of any kind, as the pipeline sees it (PSTypeName <c>TranscribePS.TranscriptionJob</c>).
/// Built from Get* responses (all fields) or List* summaries (<see cref="IsSummary"/>: no media or output URIs).
/// </summary>
public sealed record TranscriptionJob
{
    private readonly TextMap<string> _tags = TextMap<string>.None;
    private readonly TextList<string> _subtitles = TextList<string>.None;
    private readonly TextList<SkippedFeature> _skippedFeatures = TextList<SkippedFeature>.None;

    public required string JobName { get; init; }
    public required JobKind Kind { get; init; }
    public required JobStatus Status { get; init; }
    /// <summary>The region the job lives in: later cmdlets reach the job there unless given -Region or -EndpointUrl.</summary>
    public string? Region { get; init; }
    /// <summary>The custom endpoint the job was reached at (an emulator, a proxy); null for AWS's regional endpoint.</summary>
    public string? EndpointUrl { get; init; }
    /// <summary>
    /// True for a List answer: it carries name, kind, status, language, times and failure reason, but no media or
    /// output locations. Cmdlets the job is piped to read it again when they need those.
    /// </summary>
    public bool IsSummary { get; init; }
    public string? MediaUri { get; init; }
    /// <summary>
    /// The local recording a Start-* cmdlet started (or reused) the job for, kept by Wait-TranscribeJob; null for a
    /// job started from an S3 URI or read from the service, which knows nothing of local files.
    /// </summary>
    public string? LocalPath { get; init; }
    public string? MediaFormat { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? LanguageCode { get; init; }
    /// <summary>The transcript JSON (for call analytics with redaction: the redacted one, as the service names it).</summary>
    public string? TranscriptUri { get; init; }
    /// <summary>Call analytics with <c>redacted_and_unredacted</c> output: the unredacted transcript.</summary>
    public string? UnredactedTranscriptUri { get; init; }
    /// <summary>HealthScribe: the clinical document JSON.</summary>
    public string? ClinicalDocumentUri { get; init; }
    /// <summary>Call analytics with audio redaction: the redacted media file.</summary>
    public string? RedactedMediaUri { get; init; }
    /// <summary>Standard jobs with subtitles: the .srt and .vtt files beside the transcript.</summary>
    public IReadOnlyList<string> SubtitleUris { get => _subtitles; init => _subtitles = TextList.Of(value); }
    public string? FailureReason { get; init; }
    /// <summary>Call analytics: features asked for that the service skipped, with its reasons (a summary of too short a call).</summary>
    public IReadOnlyList<SkippedFeature> SkippedFeatures { get => _skippedFeatures; init => _skippedFeatures = TextList.Of(value); }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    /// <summary>Held as <see cref="TextMap{TValue}"/>, so Export-Csv writes <c>key=value; ...</c>, not a type name.</summary>
    public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = TextList.Map(value); }

    /// <summary>Every output object the job wrote, each with the local file name Save-TranscribeOutput gives it.</summary>
    public IReadOnlyList<JobOutput> Outputs() => JobOutput.Of(this);
}
