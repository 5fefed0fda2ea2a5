using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws.Model;

public enum MedicalSpecialty
{
    [WireValue("PRIMARYCARE")] PrimaryCare,
}

public enum MedicalTranscriptionType
{
    [WireValue("CONVERSATION")] Conversation,
    [WireValue("DICTATION")] Dictation,
}

/// <summary>PHI labels protected health information in the transcript; it does not remove it.</summary>
public enum MedicalContentIdentificationType
{
    [WireValue("PHI")] Phi,
}

/// <summary>Speaker partitioning (ShowSpeakerLabels + MaxSpeakerLabels) or ChannelIdentification, not both.</summary>
public sealed record MedicalTranscriptionSetting
{
    public bool? ShowSpeakerLabels { get; init; }
    public int? MaxSpeakerLabels { get; init; }
    public bool? ChannelIdentification { get; init; }
    public bool? ShowAlternatives { get; init; }
    public int? MaxAlternatives { get; init; }
    public string? VocabularyName { get; init; }
}

public sealed record MedicalTranscript
{
    public string? TranscriptFileUri { get; init; }
}

public sealed record StartMedicalTranscriptionJobRequest
{
    public required string MedicalTranscriptionJobName { get; init; }

    /// <summary>Batch medical transcription accepts only <c>en-US</c>.</summary>
    public string LanguageCode { get; init; } = "en-US";
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public required Media Media { get; init; }

    /// <summary>Required: medical jobs cannot write to a service-managed bucket.</summary>
    public required string OutputBucketName { get; init; }
    public string? OutputKey { get; init; }
    public string? OutputEncryptionKMSKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? KMSEncryptionContext { get; init; }
    public MedicalTranscriptionSetting? Settings { get; init; }
    public MedicalContentIdentificationType? ContentIdentificationType { get; init; }
    public MedicalSpecialty Specialty { get; init; } = MedicalSpecialty.PrimaryCare;
    public MedicalTranscriptionType Type { get; init; } = MedicalTranscriptionType.Conversation;
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record StartMedicalTranscriptionJobResponse
{
    public MedicalTranscriptionJob? MedicalTranscriptionJob { get; init; }
}

public sealed record GetMedicalTranscriptionJobRequest
{
    public required string MedicalTranscriptionJobName { get; init; }
}

public sealed record GetMedicalTranscriptionJobResponse
{
    public MedicalTranscriptionJob? MedicalTranscriptionJob { get; init; }
}

public sealed record ListMedicalTranscriptionJobsRequest
{
    public JobStatus? Status { get; init; }
    public string? JobNameContains { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListMedicalTranscriptionJobsResponse
{
    public JobStatus? Status { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<MedicalTranscriptionJobSummary>? MedicalTranscriptionJobSummaries { get; init; }
}

public sealed record DeleteMedicalTranscriptionJobRequest
{
    public required string MedicalTranscriptionJobName { get; init; }
}

/// <summary>A medical job as Get/Start return it; its status is in <c>TranscriptionJobStatus</c>, as on the wire.</summary>
public sealed record MedicalTranscriptionJob
{
    public string? MedicalTranscriptionJobName { get; init; }
    public JobStatus? TranscriptionJobStatus { get; init; }
    public string? LanguageCode { get; init; }
    public int? MediaSampleRateHertz { get; init; }
    public string? MediaFormat { get; init; }
    public Media? Media { get; init; }
    public MedicalTranscript? Transcript { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? FailureReason { get; init; }
    public MedicalTranscriptionSetting? Settings { get; init; }
    public MedicalContentIdentificationType? ContentIdentificationType { get; init; }
    public MedicalSpecialty? Specialty { get; init; }
    public MedicalTranscriptionType? Type { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record MedicalTranscriptionJobSummary
{
    public string? MedicalTranscriptionJobName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? LanguageCode { get; init; }
    public JobStatus? TranscriptionJobStatus { get; init; }
    public string? FailureReason { get; init; }
    public OutputLocationType? OutputLocationType { get; init; }
    public MedicalSpecialty? Specialty { get; init; }
    public MedicalContentIdentificationType? ContentIdentificationType { get; init; }
    public MedicalTranscriptionType? Type { get; init; }
}
