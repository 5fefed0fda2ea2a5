using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws.Model;

public enum MedicalScribeParticipantRole
{
    [WireValue("PATIENT")] Patient,
    [WireValue("CLINICIAN")] Clinician,
}

public sealed record MedicalScribeChannelDefinition
{
    public required int ChannelId { get; init; }
    public required MedicalScribeParticipantRole ParticipantRole { get; init; }
}

public sealed record ClinicalNoteGenerationSettings
{
    /// <summary>HISTORY_AND_PHYSICAL, GIRPP, BIRP, SIRP, DAP, BEHAVIORAL_SOAP, PHYSICAL_SOAP, …</summary>
    public string? NoteTemplate { get; init; }
}

public sealed record MedicalScribeSettings
{
    public bool? ShowSpeakerLabels { get; init; }
    public int? MaxSpeakerLabels { get; init; }
    public bool? ChannelIdentification { get; init; }
    public string? VocabularyName { get; init; }
    public string? VocabularyFilterName { get; init; }
    public VocabularyFilterMethod? VocabularyFilterMethod { get; init; }
    public ClinicalNoteGenerationSettings? ClinicalNoteGenerationSettings { get; init; }
}

public sealed record MedicalScribePatientContext
{
    /// <summary>HE_HIM, SHE_HER or THEY_THEM.</summary>
    public string? Pronouns { get; init; }
}

public sealed record MedicalScribeContext
{
    public MedicalScribePatientContext? PatientContext { get; init; }
}

public sealed record MedicalScribeOutput
{
    public string? TranscriptFileUri { get; init; }
    public string? ClinicalDocumentUri { get; init; }
}

public sealed record StartMedicalScribeJobRequest
{
    public required string MedicalScribeJobName { get; init; }
    public required Media Media { get; init; }
    public required string OutputBucketName { get; init; }
    public string? OutputEncryptionKMSKeyId { get; init; }
    public IReadOnlyDictionary<string, string>? KMSEncryptionContext { get; init; }
    public required string DataAccessRoleArn { get; init; }
    public required MedicalScribeSettings Settings { get; init; }
    public IReadOnlyList<MedicalScribeChannelDefinition>? ChannelDefinitions { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public MedicalScribeContext? MedicalScribeContext { get; init; }
}

public sealed record StartMedicalScribeJobResponse
{
    public MedicalScribeJob? MedicalScribeJob { get; init; }
}

public sealed record GetMedicalScribeJobRequest
{
    public required string MedicalScribeJobName { get; init; }
}

public sealed record GetMedicalScribeJobResponse
{
    public MedicalScribeJob? MedicalScribeJob { get; init; }
}

public sealed record ListMedicalScribeJobsRequest
{
    public JobStatus? Status { get; init; }
    public string? JobNameContains { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListMedicalScribeJobsResponse
{
    public JobStatus? Status { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<MedicalScribeJobSummary>? MedicalScribeJobSummaries { get; init; }
}

public sealed record DeleteMedicalScribeJobRequest
{
    public required string MedicalScribeJobName { get; init; }
}

public sealed record MedicalScribeJob
{
    public string? MedicalScribeJobName { get; init; }
    public JobStatus? MedicalScribeJobStatus { get; init; }
    public string? LanguageCode { get; init; }
    public Media? Media { get; init; }
    public MedicalScribeOutput? MedicalScribeOutput { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? FailureReason { get; init; }
    public MedicalScribeSettings? Settings { get; init; }
    public string? DataAccessRoleArn { get; init; }
    public IReadOnlyList<MedicalScribeChannelDefinition>? ChannelDefinitions { get; init; }
    public bool? MedicalScribeContextProvided { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record MedicalScribeJobSummary
{
    public string? MedicalScribeJobName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? CompletionTime { get; init; }
    public string? LanguageCode { get; init; }
    public JobStatus? MedicalScribeJobStatus { get; init; }
    public string? FailureReason { get; init; }
}
