using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Submission;

/// <summary>Maps plans onto the client's typed Start* requests. Pure, so the wire shape of a plan is tested directly.</summary>
public static class StartRequests
{
    public static StartMedicalTranscriptionJobRequest ForMedical(MedicalJobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = plan.JobName,
            LanguageCode = MedicalJobPlan.LanguageCode,
            Specialty = MedicalSpecialty.PrimaryCare,
            Type = MedicalTranscriptionType.Conversation,

            // The sample rate is left out on purpose: a wrong explicit value fails the job, the service detects it.
            MediaFormat = plan.MediaFormat,
            Media = new Aws.Model.Media { MediaFileUri = plan.MediaUri },
            OutputBucketName = plan.OutputBucket,
            OutputKey = plan.OutputKey,
            OutputEncryptionKMSKeyId = plan.KmsKeyId,
            Settings = new MedicalTranscriptionSetting
            {
                ShowSpeakerLabels = plan.MaxSpeakerLabels is null ? null : true,
                MaxSpeakerLabels = plan.MaxSpeakerLabels,
                ChannelIdentification = plan.ChannelIdentification ? true : null,
                VocabularyName = plan.VocabularyName,
            },
            ContentIdentificationType = plan.IdentifyPhi ? MedicalContentIdentificationType.Phi : null,
            Tags = ToTags(plan.Tags),
        };
    }

    public static StartCallAnalyticsJobRequest ForCallAnalytics(CallAnalyticsJobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        bool anySetting = plan.LanguageOptions.Count > 0 || plan.Redaction is not null || plan.Summarize
            || plan.VocabularyName is not null || plan.VocabularyFilterName is not null;
        return new StartCallAnalyticsJobRequest
        {
            CallAnalyticsJobName = plan.JobName,

            // Audio redaction is asked for by naming where the redacted recording goes: beside the transcripts.
            Media = new Aws.Model.Media { MediaFileUri = plan.MediaUri, RedactedMediaFileUri = plan.RedactAudio ? plan.OutputLocation : null },
            OutputLocation = plan.OutputLocation,
            DataAccessRoleArn = plan.DataAccessRoleArn,
            ChannelDefinitions =
            [
                new ChannelDefinition { ChannelId = plan.AgentChannel, ParticipantRole = ParticipantRole.Agent },
                new ChannelDefinition { ChannelId = plan.CustomerChannel, ParticipantRole = ParticipantRole.Customer },
            ],
            Settings = anySetting
                ? new CallAnalyticsJobSettings
                {
                    LanguageOptions = plan.LanguageOptions.Count > 0 ? plan.LanguageOptions : null,
                    ContentRedaction = plan.Redaction is null
                        ? null
                        : new ContentRedaction
                        {
                            RedactionOutput = plan.Redaction.Output,
                            PiiEntityTypes = plan.Redaction.PiiEntityTypes.Count > 0 ? plan.Redaction.PiiEntityTypes : null,
                        },
                    Summarization = plan.Summarize ? new Summarization { GenerateAbstractiveSummary = true } : null,
                    VocabularyName = plan.VocabularyName,
                    VocabularyFilterName = plan.VocabularyFilterName,
                    VocabularyFilterMethod = plan.VocabularyFilterMethod,
                }
                : null,
            Tags = ToTags(plan.Tags),
        };
    }

    public static StartMedicalScribeJobRequest ForScribe(MedicalScribeJobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        bool channels = plan.ClinicianChannel is not null && plan.PatientChannel is not null;
        return new StartMedicalScribeJobRequest
        {
            MedicalScribeJobName = plan.JobName,
            Media = new Aws.Model.Media { MediaFileUri = plan.MediaUri },
            OutputBucketName = plan.OutputBucket,
            OutputEncryptionKMSKeyId = plan.KmsKeyId,
            DataAccessRoleArn = plan.DataAccessRoleArn,

            // Exactly one of the two is true, as the service requires; the other is sent as false, as AWS's examples do.
            Settings = new MedicalScribeSettings
            {
                ShowSpeakerLabels = !channels,
                MaxSpeakerLabels = channels ? null : plan.MaxSpeakerLabels,
                ChannelIdentification = channels,
                VocabularyName = plan.VocabularyName,
                ClinicalNoteGenerationSettings = new ClinicalNoteGenerationSettings { NoteTemplate = plan.NoteTemplate },
            },
            ChannelDefinitions = channels
                ?
                [
                    new MedicalScribeChannelDefinition { ChannelId = plan.ClinicianChannel!.Value, ParticipantRole = MedicalScribeParticipantRole.Clinician },
                    new MedicalScribeChannelDefinition { ChannelId = plan.PatientChannel!.Value, ParticipantRole = MedicalScribeParticipantRole.Patient },
                ]
                : null,
            Tags = ToTags(plan.Tags),
        };
    }

    public static StartTranscriptionJobRequest ForStandard(StandardJobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new StartTranscriptionJobRequest
        {
            TranscriptionJobName = plan.JobName,
            LanguageCode = plan.LanguageCode,
            IdentifyLanguage = plan.IdentifyLanguage ? true : null,
            IdentifyMultipleLanguages = plan.IdentifyMultipleLanguages ? true : null,
            LanguageOptions = plan.LanguageOptions.Count > 0 ? plan.LanguageOptions : null,

            // The sample rate is left out on purpose: a wrong explicit value fails the job, the service detects it.
            MediaFormat = plan.MediaFormat,
            Media = new Aws.Model.Media { MediaFileUri = plan.MediaUri },
            OutputBucketName = plan.OutputBucket,
            OutputKey = plan.OutputKey,
            OutputEncryptionKMSKeyId = plan.KmsKeyId,
            Settings = new TranscriptionSettings
            {
                ShowSpeakerLabels = plan.MaxSpeakerLabels is null ? null : true,
                MaxSpeakerLabels = plan.MaxSpeakerLabels,
                ChannelIdentification = plan.ChannelIdentification ? true : null,
                VocabularyName = plan.VocabularyName,
            },
            ContentRedaction = plan.Redaction is null
                ? null
                : new ContentRedaction
                {
                    RedactionOutput = plan.Redaction.Output,
                    PiiEntityTypes = plan.Redaction.PiiEntityTypes.Count > 0 ? plan.Redaction.PiiEntityTypes : null,
                },
            Subtitles = plan.SubtitleFormats.Count > 0 ? new Subtitles { Formats = plan.SubtitleFormats, OutputStartIndex = plan.SubtitleStartIndex } : null,
            Tags = ToTags(plan.Tags),
        };
    }

    // The service's TagList has a minimum of one entry: no tags means no member at all.
    private static List<Tag>? ToTags(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? null : [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Tag { Key = t.Key, Value = t.Value })];
}
