namespace TranscribePS.Core.Jobs;

public static partial class JobPlanner
{
    /// <summary>
    /// Plans a HealthScribe job: the role ARN, exactly one of speaker partitioning and channel identification (two
    /// channel definitions, one CLINICIAN and one PATIENT), the note template, and the media limits of medical audio.
    /// </summary>
    /// <param name="request">What the user asked for.</param>
    /// <param name="localMedia">For a local recording, from <see cref="LocalMedia.InspectAsync"/>; null means the file was not found. Ignored for S3 media.</param>
    public static PlanResult Plan(MedicalScribeJobRequest request, LocalMedia? localMedia)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<PlanProblem>();

        Add(problems, JobRules.CheckBucketName(request.OutputBucket, "OutputBucket"));
        Add(problems, JobRules.CheckRoleArn(request.DataAccessRoleArn));

        bool channels = request.ClinicianChannel is not null || request.PatientChannel is not null;
        int? maxSpeakers = PlanSpeakers(request.MaxSpeakers, channels, Messages.ScribeSpeakersAndChannels, problems);
        int? clinician = null;
        int? patient = null;
        if (channels)
        {
            (clinician, patient) = JobRules.AssignChannels(request.ClinicianChannel, request.PatientChannel);
            problems.AddRange(JobRules.CheckClinicianPatientChannels(clinician.Value, patient.Value));
        }

        var template = Canonicalise(
            request.NoteTemplate is null ? [] : [request.NoteTemplate],
            ServiceVocabulary.NoteTemplates,
            "InvalidNoteTemplate",
            Messages.InvalidNoteTemplate,
            problems).SingleOrDefault() ?? ServiceVocabulary.NoteTemplates[0];

        if (request.KmsKeyId is not null)
        {
            Add(problems, JobRules.CheckKmsKeyId(request.KmsKeyId));
        }

        var media = PlanMedia(request, JobKind.Scribe, request.UploadBucket ?? request.OutputBucket, request.UploadBucket is not null, request.OutputBucket, localMedia, problems, channelIdentification: channels);
        CheckCommon(request, problems);
        if (problems.Count > 0 || media is null)
        {
            return PlanResult.Failure(problems);
        }

        KeyValuePair<string, string?>[] settings =
        [
            new("OutputBucket", request.OutputBucket),
            new("MaxSpeakerLabels", maxSpeakers is int n ? Invariant(n) : null),
            new("ClinicianChannel", clinician is int c ? Invariant(c) : null),
            new("PatientChannel", patient is int p ? Invariant(p) : null),
            new("NoteTemplate", template),
            new("VocabularyName", request.VocabularyName),
            new("KmsKeyId", request.KmsKeyId),
        ];
        string? jobName = NameJob(request, JobKind.Scribe, media, settings, problems);
        if (jobName is null)
        {
            return PlanResult.Failure(problems);
        }

        return PlanResult.Success(new MedicalScribeJobPlan
        {
            JobName = jobName,
            Source = request.Media,
            MediaUri = media.MediaUri,
            Upload = media.Upload,
            MediaFormat = media.Format,
            Tags = CopyTags(request.Tags),
            Force = request.Force,
            OutputBucket = request.OutputBucket,
            DataAccessRoleArn = request.DataAccessRoleArn,
            MaxSpeakerLabels = maxSpeakers,
            ClinicianChannel = clinician,
            PatientChannel = patient,
            NoteTemplate = template,
            VocabularyName = request.VocabularyName,
            KmsKeyId = request.KmsKeyId,
        });
    }
}
