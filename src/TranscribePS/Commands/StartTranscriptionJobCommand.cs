using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Start, "TranscriptionJob", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(TranscriptionJob))]
public sealed class StartTranscriptionJobCommand : StartJobCmdlet
{
    [Parameter]
    [Alias("Bucket")]
    public string? OutputBucket { get; set; }

    [Parameter]
    public string? OutputKeyPrefix { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(LanguageCodeCompleter))]
    public string? LanguageCode { get; set; }

    [Parameter]
    public SwitchParameter IdentifyLanguage { get => IdentifyLanguageOn; set => IdentifyLanguageOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter IdentifyMultipleLanguages { get => IdentifyMultipleLanguagesOn; set => IdentifyMultipleLanguagesOn = value.IsPresent; }

    [Parameter]
    [Alias("LanguageOptions")]
    [ArgumentCompleter(typeof(LanguageCodeCompleter))]
    public string[]? LanguageOption { get; set; }

    [Parameter]
    [ValidateRange(JobRules.MinSpeakers, JobRules.MaxSpeakers)]
    public int? MaxSpeakers { get; set; }

    [Parameter]
    public SwitchParameter ChannelIdentification { get => ChannelIdentificationOn; set => ChannelIdentificationOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter RedactPii { get => RedactPiiOn; set => RedactPiiOn = value.IsPresent; }

    [Parameter]
    [ArgumentCompleter(typeof(PiiEntityTypeCompleter))]
    public string[]? PiiEntityType { get; set; }

    [Parameter]
    public RedactionOutput? RedactionOutput { get; set; }

    [Parameter]
    public SubtitleFormat[]? Subtitle { get; set; }

    [Parameter]
    [ValidateRange(0, 1)]
    public int? SubtitleStartIndex { get; set; }

    [Parameter]
    public string? KmsKeyId { get; set; }

    internal bool IdentifyLanguageOn { get; set; }

    internal bool IdentifyMultipleLanguagesOn { get; set; }

    internal bool ChannelIdentificationOn { get; set; }

    internal bool RedactPiiOn { get; set; }

    /// <summary>Parameters that contradict each other stop the cmdlet once; the planner checks the rest per recording.</summary>
    private protected override void CheckRequestParameters()
    {
        if (IdentifyLanguageOn && IdentifyMultipleLanguagesOn)
        {
            Refuse(Messages.IdentifyLanguageConflict, "IdentifyLanguageConflict");
        }

        if (LanguageCode is not null && (IdentifyLanguageOn || IdentifyMultipleLanguagesOn))
        {
            Refuse(Messages.LanguageCodeAndIdentification, "LanguageCodeAndIdentification");
        }

        // The planner's own rule, applied once here so a contradiction stops the cmdlet instead of failing each recording.
        if (JobRules.CheckSpeakersAndChannels(MaxSpeakers, ChannelIdentificationOn, Messages.SpeakersAndChannels) is { } problem)
        {
            throw new TerminatingCommandException(ErrorMapping.ToError(problem));
        }

        if (SubtitleStartIndex is not null && Subtitle is not { Length: > 0 })
        {
            Refuse(Messages.SubtitleStartIndexWithoutSubtitle, "SubtitleStartIndexWithoutSubtitle");
        }

        static void Refuse(string message, string errorId) =>
            throw new TerminatingCommandException(CommandErrors.InvalidParameters(message, errorId));
    }

    private protected override TranscribeJobRequest BuildRequest(MediaSource media) => new StandardJobRequest
    {
        Media = media,
        OutputBucket = OutputBucket,
        OutputKeyPrefix = OutputKeyPrefix,
        UploadBucket = UploadBucket,
        UploadKeyPrefix = UploadKeyPrefix,
        LanguageCode = LanguageCode,
        IdentifyLanguage = IdentifyLanguageOn,
        IdentifyMultipleLanguages = IdentifyMultipleLanguagesOn,
        LanguageOptions = LanguageOption,
        MaxSpeakers = MaxSpeakers,
        ChannelIdentification = ChannelIdentificationOn,
        RedactPii = RedactPiiOn,
        PiiEntityTypes = PiiEntityType,
        RedactionOutput = RedactionOutput,
        SubtitleFormats = Subtitle,
        SubtitleStartIndex = SubtitleStartIndex,
        VocabularyName = VocabularyName,
        KmsKeyId = KmsKeyId,
        Tags = Tags,
        JobName = JobName,
        Force = ForceOn,
    };
}
