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
    [ValidateRange(2, 30)]
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
        if (MaxSpeakers is not null && ChannelIdentificationOn)
        {
            throw new TerminatingCommandException(CommandErrors.InvalidParameters(Messages.SpeakersAndChannels, "SpeakersAndChannels"));
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
