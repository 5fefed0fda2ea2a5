using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Jobs;

/// <summary>What every job request shares: the recording, where to upload it, naming and rerun behaviour.</summary>
public abstract record TranscribeJobRequest
{
    public required MediaSource Media { get; init; }

    /// <summary>Bucket for local recordings; defaults to the output bucket.</summary>
    public string? UploadBucket { get; init; }

    public string? UploadKeyPrefix { get; init; }

    public string? VocabularyName { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>An explicit job name; when absent the name is derived from the recording and the settings.</summary>
    public string? JobName { get; init; }

    /// <summary>Replace a job whose name is held by another recording (or that failed) instead of refusing.</summary>
    public bool Force { get; init; }
}

/// <summary>A clinician–patient conversation for StartMedicalTranscriptionJob (CONVERSATION, PRIMARYCARE, en-US).</summary>
public sealed record MedicalConversationJobRequest : TranscribeJobRequest
{
    public required string OutputBucket { get; init; }

    public string? OutputKeyPrefix { get; init; }

    /// <summary>Speaker partitioning limit; null means 2 unless <see cref="ChannelIdentification"/> is set.</summary>
    public int? MaxSpeakers { get; init; }

    public bool ChannelIdentification { get; init; }

    /// <summary>Label PHI in the transcript (ContentIdentificationType=PHI); it is not removed.</summary>
    public bool IdentifyPhi { get; init; }

    public string? KmsKeyId { get; init; }
}

/// <summary>A two-channel customer call for StartCallAnalyticsJob.</summary>
public sealed record CallAnalyticsJobRequest : TranscribeJobRequest
{
    /// <summary>With <see cref="OutputKeyPrefix"/>; the alternative to <see cref="OutputLocation"/>.</summary>
    public string? OutputBucket { get; init; }

    public string? OutputKeyPrefix { get; init; }

    /// <summary>An s3:// URI; without any output the service keeps the transcript in its own bucket.</summary>
    public string? OutputLocation { get; init; }

    public string? DataAccessRoleArn { get; init; }

    /// <summary>Null: the channel the customer is not on (0 when neither is given).</summary>
    public int? AgentChannel { get; init; }

    /// <summary>Null: the channel the agent is not on (1 when neither is given).</summary>
    public int? CustomerChannel { get; init; }

    public IReadOnlyList<string>? LanguageOptions { get; init; }

    public bool RedactPii { get; init; }

    public IReadOnlyList<string>? PiiEntityTypes { get; init; }

    /// <summary>Only with <see cref="RedactPii"/>; null means <see cref="RedactionOutput.Redacted"/>.</summary>
    public RedactionOutput? RedactionOutput { get; init; }

    public bool RedactAudio { get; init; }

    public bool Summarize { get; init; }

    public string? VocabularyFilterName { get; init; }

    /// <summary>Only with <see cref="VocabularyFilterName"/>; null means <see cref="VocabularyFilterMethod.Mask"/>.</summary>
    public VocabularyFilterMethod? VocabularyFilterMethod { get; init; }
}
