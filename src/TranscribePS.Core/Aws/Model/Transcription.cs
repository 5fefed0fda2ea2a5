using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws.Model;

/// <summary>The service's <c>Settings</c> shape of standard transcription jobs.</summary>
public sealed record TranscriptionSettings
{
    public string? VocabularyName { get; init; }
    public bool? ShowSpeakerLabels { get; init; }
    public int? MaxSpeakerLabels { get; init; }
    public bool? ChannelIdentification { get; init; }
    public bool? ShowAlternatives { get; init; }
    public int? MaxAlternatives { get; init; }
    public string? VocabularyFilterName { get; init; }
    public VocabularyFilterMethod? VocabularyFilterMethod { get; init; }
}

public sealed record StartTranscriptionJobRequest
{
    public required string TranscriptionJobName { get; init; }

    /// <summary>Leave out when <see cref="IdentifyLanguage"/> or <see cref="IdentifyMultipleLanguages"/> is set.</summary>
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public required Media Media { get; init; }
    public string? OutputBucketName { get; init; }
    public string? OutputKey { get; init; }
    public string? OutputEncryptionKMSKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? KMSEncryptionContext { get; init; }
    public TranscriptionSettings? Settings { get; init; }
    public ModelSettings? ModelSettings { get; init; }
    public JobExecutionSettings? JobExecutionSettings { get; init; }
    public ContentRedaction? ContentRedaction { get; init; }
    public bool? IdentifyLanguage { get; init; }
    public bool? IdentifyMultipleLanguages { get; init; }
    public IReadOnlyList<string>? LanguageOptions { get; init; }
    public Subtitles? Subtitles { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyDictionary<string, LanguageIdSettings>? LanguageIdSettings { get; init; }
    public IReadOnlyList<ToxicityDetectionSettings>? ToxicityDetection { get; init; }
}

public sealed record StartTranscriptionJobResponse
{
    public StandardTranscriptionJob? TranscriptionJob { get; init; }
}

public sealed record GetTranscriptionJobRequest
{
    public required string TranscriptionJobName { get; init; }
}

public sealed record GetTranscriptionJobResponse
{
    public StandardTranscriptionJob? TranscriptionJob { get; init; }
}

public sealed record ListTranscriptionJobsRequest
{
    public JobStatus? Status { get; init; }
    public string? JobNameContains { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListTranscriptionJobsResponse
{
    public JobStatus? Status { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<TranscriptionJobSummary>? TranscriptionJobSummaries { get; init; }
}

public sealed record DeleteTranscriptionJobRequest
{
    public required string TranscriptionJobName { get; init; }
}

/// <summary>
/// The service's <c>TranscriptionJob</c> shape (renamed so it never collides with
/// <see cref="Jobs.TranscriptionJob"/>, the pipeline's model).
/// </summary>
public sealed record StandardTranscriptionJob
{
    public string? TranscriptionJobName { get; init; }
    public JobStatus? TranscriptionJobStatus { get; init; }
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public Media? Media { get; init; }
    public JobTranscript? Transcript { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? FailureReason { get; init; }
    public TranscriptionSettings? Settings { get; init; }
    public ModelSettings? ModelSettings { get; init; }
    public JobExecutionSettings? JobExecutionSettings { get; init; }
    public ContentRedaction? ContentRedaction { get; init; }
    public bool? IdentifyLanguage { get; init; }
    public bool? IdentifyMultipleLanguages { get; init; }
    public IReadOnlyList<string>? LanguageOptions { get; init; }
    public float? IdentifiedLanguageScore { get; init; }
    public IReadOnlyList<LanguageCodeItem>? LanguageCodes { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public SubtitlesOutput? Subtitles { get; init; }
    public IReadOnlyDictionary<string, LanguageIdSettings>? LanguageIdSettings { get; init; }
    public IReadOnlyList<ToxicityDetectionSettings>? ToxicityDetection { get; init; }
}

public sealed record TranscriptionJobSummary
{
    public string? TranscriptionJobName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? LanguageCode { get; init; }
    public JobStatus? TranscriptionJobStatus { get; init; }
    public string? FailureReason { get; init; }
    public OutputLocationType? OutputLocationType { get; init; }
    public ContentRedaction? ContentRedaction { get; init; }
    public ModelSettings? ModelSettings { get; init; }
    public bool? IdentifyLanguage { get; init; }
    public bool? IdentifyMultipleLanguages { get; init; }
    public float? IdentifiedLanguageScore { get; init; }
    public IReadOnlyList<LanguageCodeItem>? LanguageCodes { get; init; }
    public IReadOnlyList<ToxicityDetectionSettings>? ToxicityDetection { get; init; }
}
