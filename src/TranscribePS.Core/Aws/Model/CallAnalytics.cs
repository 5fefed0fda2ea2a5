using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws.Model;

/// <summary>Which speaker is on a channel; call analytics needs exactly two definitions (ChannelId 0 and 1).</summary>
public sealed record ChannelDefinition
{
    public int? ChannelId { get; init; }
    public ParticipantRole? ParticipantRole { get; init; }
}

public sealed record Summarization
{
    public required bool GenerateAbstractiveSummary { get; init; }
}

public sealed record CallAnalyticsJobSettings
{
    public string? VocabularyName { get; init; }
    public string? VocabularyFilterName { get; init; }
    public VocabularyFilterMethod? VocabularyFilterMethod { get; init; }
    public string? LanguageModelName { get; init; }
    public ContentRedaction? ContentRedaction { get; init; }

    /// <summary>Call analytics has no LanguageCode request member; candidate languages go here.</summary>
    public IReadOnlyList<string>? LanguageOptions { get; init; }
    public IReadOnlyDictionary<string, LanguageIdSettings>? LanguageIdSettings { get; init; }
    public Summarization? Summarization { get; init; }
}

/// <summary>A feature the service skipped, such as a summary of a call with too little conversation.</summary>
public sealed record CallAnalyticsSkippedFeature
{
    public string? Feature { get; init; }
    public string? ReasonCode { get; init; }
    public string? Message { get; init; }
}

public sealed record CallAnalyticsJobDetails
{
    public IReadOnlyList<CallAnalyticsSkippedFeature>? Skipped { get; init; }
}

public sealed record StartCallAnalyticsJobRequest
{
    public required string CallAnalyticsJobName { get; init; }
    public required Media Media { get; init; }

    /// <summary>An <c>s3://</c> URI; omitted, output goes to a service bucket behind a 15-minute pre-signed URL.</summary>
    public string? OutputLocation { get; init; }
    public string? OutputEncryptionKMSKeyId { get; init; }

    /// <summary>Also lets the service queue the job when the concurrent-job quota is reached.</summary>
    public string? DataAccessRoleArn { get; init; }
    public CallAnalyticsJobSettings? Settings { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyList<ChannelDefinition>? ChannelDefinitions { get; init; }
}

public sealed record StartCallAnalyticsJobResponse
{
    public CallAnalyticsJob? CallAnalyticsJob { get; init; }
}

public sealed record GetCallAnalyticsJobRequest
{
    public required string CallAnalyticsJobName { get; init; }
}

public sealed record GetCallAnalyticsJobResponse
{
    public CallAnalyticsJob? CallAnalyticsJob { get; init; }
}

public sealed record ListCallAnalyticsJobsRequest
{
    public JobStatus? Status { get; init; }
    public string? JobNameContains { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListCallAnalyticsJobsResponse
{
    public JobStatus? Status { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<CallAnalyticsJobSummary>? CallAnalyticsJobSummaries { get; init; }
}

public sealed record DeleteCallAnalyticsJobRequest
{
    public required string CallAnalyticsJobName { get; init; }
}

public sealed record DeleteCallAnalyticsJobResponse;

public sealed record CallAnalyticsJob
{
    public string? CallAnalyticsJobName { get; init; }
    public JobStatus? CallAnalyticsJobStatus { get; init; }
    public CallAnalyticsJobDetails? CallAnalyticsJobDetails { get; init; }
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public Media? Media { get; init; }
    public JobTranscript? Transcript { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? FailureReason { get; init; }
    public string? DataAccessRoleArn { get; init; }
    public float? IdentifiedLanguageScore { get; init; }
    public CallAnalyticsJobSettings? Settings { get; init; }
    public IReadOnlyList<ChannelDefinition>? ChannelDefinitions { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record CallAnalyticsJobSummary
{
    public string? CallAnalyticsJobName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? LanguageCode { get; init; }
    public JobStatus? CallAnalyticsJobStatus { get; init; }
    public CallAnalyticsJobDetails? CallAnalyticsJobDetails { get; init; }
    public string? FailureReason { get; init; }
}
