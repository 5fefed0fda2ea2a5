using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Start, "MedicalConversationJob", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(TranscriptionJob))]
public sealed class StartMedicalConversationJobCommand : StartJobCmdlet
{
    [Parameter(Mandatory = true)]
    [Alias("Bucket")]
    public string OutputBucket { get; set; } = string.Empty;

    [Parameter]
    public string? OutputKeyPrefix { get; set; }

    [Parameter]
    [ValidateRange(JobRules.MinSpeakers, JobRules.MaxSpeakers)]
    public int? MaxSpeakers { get; set; }

    [Parameter]
    public SwitchParameter ChannelIdentification { get => ChannelIdentificationOn; set => ChannelIdentificationOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter IdentifyPhi { get => IdentifyPhiOn; set => IdentifyPhiOn = value.IsPresent; }

    [Parameter]
    public string? KmsKeyId { get; set; }

    internal bool ChannelIdentificationOn { get; set; }

    internal bool IdentifyPhiOn { get; set; }

    private protected override void CheckRequestParameters()
    {
        // The planner's own rule, applied once here so a contradiction stops the cmdlet instead of failing each recording.
        if (JobRules.CheckSpeakersAndChannels(MaxSpeakers, ChannelIdentificationOn, Messages.SpeakersAndChannels) is { } problem)
        {
            throw new TerminatingCommandException(ErrorMapping.ToError(problem));
        }
    }

    private protected override TranscribeJobRequest BuildRequest(MediaSource media) => new MedicalConversationJobRequest
    {
        Media = media,
        OutputBucket = OutputBucket,
        OutputKeyPrefix = OutputKeyPrefix,
        UploadBucket = UploadBucket,
        UploadKeyPrefix = UploadKeyPrefix,
        MaxSpeakers = MaxSpeakers,
        ChannelIdentification = ChannelIdentificationOn,
        IdentifyPhi = IdentifyPhiOn,
        VocabularyName = VocabularyName,
        KmsKeyId = KmsKeyId,
        Tags = Tags,
        JobName = JobName,
        Force = ForceOn,
    };
}
