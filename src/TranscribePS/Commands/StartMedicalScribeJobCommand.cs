using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Start, "MedicalScribeJob", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(TranscriptionJob))]
public sealed class StartMedicalScribeJobCommand : StartJobCmdlet
{
    [Parameter(Mandatory = true)]
    [Alias("Bucket")]
    public string OutputBucket { get; set; } = string.Empty;

    [Parameter(Mandatory = true)]
    public string DataAccessRoleArn { get; set; } = string.Empty;

    [Parameter]
    [ValidateRange(JobRules.MinSpeakers, JobRules.MaxSpeakers)]
    public int? MaxSpeakers { get; set; }

    [Parameter]
    [ValidateRange(0, 1)]
    public int? ClinicianChannel { get; set; }

    [Parameter]
    [ValidateRange(0, 1)]
    public int? PatientChannel { get; set; }

    [Parameter]
    [ValidateSet("HISTORY_AND_PHYSICAL", "GIRPP", "BIRP", "SIRP", "DAP", "BEHAVIORAL_SOAP", "PHYSICAL_SOAP")]
    public string? NoteTemplate { get; set; }

    [Parameter]
    public string? KmsKeyId { get; set; }

    private protected override void CheckRequestParameters()
    {
        // The planner's own rules, applied once here so a contradiction stops the cmdlet instead of failing each recording.
        bool channels = ClinicianChannel is not null || PatientChannel is not null;
        var (clinician, patient) = JobRules.AssignChannels(ClinicianChannel, PatientChannel);
        var problem = JobRules.CheckSpeakersAndChannels(MaxSpeakers, channels, Messages.ScribeSpeakersAndChannels)
            ?? (channels ? JobRules.CheckClinicianPatientChannels(clinician, patient).FirstOrDefault() : null);
        if (problem is not null)
        {
            throw new TerminatingCommandException(ErrorMapping.ToError(problem));
        }
    }

    private protected override TranscribeJobRequest BuildRequest(MediaSource media) => new MedicalScribeJobRequest
    {
        Media = media,
        OutputBucket = OutputBucket,
        DataAccessRoleArn = DataAccessRoleArn,
        UploadBucket = UploadBucket,
        UploadKeyPrefix = UploadKeyPrefix,
        MaxSpeakers = MaxSpeakers,
        ClinicianChannel = ClinicianChannel,
        PatientChannel = PatientChannel,
        NoteTemplate = NoteTemplate,
        VocabularyName = VocabularyName,
        KmsKeyId = KmsKeyId,
        Tags = Tags,
        JobName = JobName,
        Force = ForceOn,
    };
}
