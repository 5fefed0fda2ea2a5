using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Start, "CallAnalyticsJob", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(TranscriptionJob))]
public sealed class StartCallAnalyticsJobCommand : StartJobCmdlet
{
    [Parameter]
    [Alias("Bucket")]
    public string? OutputBucket { get; set; }

    [Parameter]
    public string? OutputKeyPrefix { get; set; }

    [Parameter]
    public string? OutputLocation { get; set; }

    [Parameter]
    public string? DataAccessRoleArn { get; set; }

    [Parameter]
    [ValidateRange(0, 1)]
    public int? AgentChannel { get; set; }

    [Parameter]
    [ValidateRange(0, 1)]
    public int? CustomerChannel { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(LanguageCodeCompleter))]
    public string[]? LanguageOption { get; set; }

    [Parameter]
    public SwitchParameter RedactPii { get => RedactPiiOn; set => RedactPiiOn = value.IsPresent; }

    [Parameter]
    [ArgumentCompleter(typeof(PiiEntityTypeCompleter))]
    public string[]? PiiEntityType { get; set; }

    [Parameter]
    public RedactionOutput? RedactionOutput { get; set; }

    [Parameter]
    public SwitchParameter RedactAudio { get => RedactAudioOn; set => RedactAudioOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter Summarize { get => SummarizeOn; set => SummarizeOn = value.IsPresent; }

    [Parameter]
    public string? VocabularyFilterName { get; set; }

    [Parameter]
    public VocabularyFilterMethod? VocabularyFilterMethod { get; set; }

    internal bool RedactPiiOn { get; set; }

    internal bool RedactAudioOn { get; set; }

    internal bool SummarizeOn { get; set; }

    private protected override void CheckRequestParameters()
    {
        // The planner's own rules, applied once here so a contradiction stops the cmdlet instead of failing each recording.
        var (agent, customer) = JobRules.AssignChannels(AgentChannel, CustomerChannel);
        var problem = JobRules.CheckOutputChoice(OutputLocation, OutputBucket, OutputKeyPrefix) ?? JobRules.CheckChannels(agent, customer).FirstOrDefault();
        if (problem is not null)
        {
            throw new TerminatingCommandException(ErrorMapping.ToError(problem));
        }
    }

    private protected override TranscribeJobRequest BuildRequest(MediaSource media) => new CallAnalyticsJobRequest
    {
        Media = media,
        OutputBucket = OutputBucket,
        OutputKeyPrefix = OutputKeyPrefix,
        OutputLocation = OutputLocation,
        UploadBucket = UploadBucket,
        UploadKeyPrefix = UploadKeyPrefix,
        DataAccessRoleArn = DataAccessRoleArn,
        AgentChannel = AgentChannel,
        CustomerChannel = CustomerChannel,
        LanguageOptions = LanguageOption,
        RedactPii = RedactPiiOn,
        PiiEntityTypes = PiiEntityType,
        RedactionOutput = RedactionOutput,
        RedactAudio = RedactAudioOn,
        Summarize = SummarizeOn,
        VocabularyName = VocabularyName,
        VocabularyFilterName = VocabularyFilterName,
        VocabularyFilterMethod = VocabularyFilterMethod,
        Tags = Tags,
        JobName = JobName,
        Force = ForceOn,
    };
}
