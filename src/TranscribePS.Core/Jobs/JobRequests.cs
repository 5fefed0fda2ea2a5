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

/// <summary>
/// A clinician–patient visit for StartMedicalScribeJob (AWS HealthScribe): a transcript with CLINICIAN/PATIENT roles
/// and a clinical note. US English only; the request carries no language.
/// </summary>
public sealed record MedicalScribeJobRequest : TranscribeJobRequest
{
    /// <summary>The service writes &lt;bucket&gt;/&lt;job name&gt;/transcript.json and summary.json; there is no key prefix.</summary>
    public required string OutputBucket { get; init; }

    /// <summary>The role HealthScribe uses to read the recording, write the output and use the KMS key; required.</summary>
    public required string DataAccessRoleArn { get; init; }

    /// <summary>Speaker partitioning limit; null means 2 unless a channel is given.</summary>
    public int? MaxSpeakers { get; init; }

    /// <summary>Channel identification: the clinician's channel; the patient takes the other one when not given.</summary>
    public int? ClinicianChannel { get; init; }

    public int? PatientChannel { get; init; }

    /// <summary>One of <see cref="ServiceVocabulary.NoteTemplates"/>; null means HISTORY_AND_PHYSICAL.</summary>
    public string? NoteTemplate { get; init; }

    public string? KmsKeyId { get; init; }
}

/// <summary>Any recording for StartTranscriptionJob: mono phone calls, meetings, video with subtitles.</summary>
public sealed record StandardJobRequest : TranscribeJobRequest
{
    /// <summary>Null lets the service keep the transcript in its own bucket (15-minute links).</summary>
    public string? OutputBucket { get; init; }

    public string? OutputKeyPrefix { get; init; }

    /// <summary>The language spoken; en-US when neither it nor language identification is asked for.</summary>
    public string? LanguageCode { get; init; }

    public bool IdentifyLanguage { get; init; }

    public bool IdentifyMultipleLanguages { get; init; }

    /// <summary>Candidate languages for identification (two or more).</summary>
    public IReadOnlyList<string>? LanguageOptions { get; init; }

    /// <summary>Speaker partitioning limit; null means 2 unless <see cref="ChannelIdentification"/> is set.</summary>
    public int? MaxSpeakers { get; init; }

    public bool ChannelIdentification { get; init; }

    public bool RedactPii { get; init; }

    public IReadOnlyList<string>? PiiEntityTypes { get; init; }

    /// <summary>Only with <see cref="RedactPii"/>; null means <see cref="RedactionOutput.Redacted"/>.</summary>
    public RedactionOutput? RedactionOutput { get; init; }

    /// <summary>Subtitle files to write beside the transcript.</summary>
    public IReadOnlyList<SubtitleFormat>? SubtitleFormats { get; init; }

    /// <summary>The number of the first subtitle (0 or 1); only with <see cref="SubtitleFormats"/>. Null is the service's 0.</summary>
    public int? SubtitleStartIndex { get; init; }

    public string? KmsKeyId { get; init; }
}
