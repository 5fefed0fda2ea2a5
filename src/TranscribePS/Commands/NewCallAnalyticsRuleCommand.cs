using System.Management.Automation;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>Builds one rule in memory; no AWS call, so no AWS parameters and nothing to confirm.</summary>
[Cmdlet(VerbsCommon.New, "CallAnalyticsRule", DefaultParameterSetName = TranscriptSet)]
[OutputType(typeof(CallAnalyticsRule))]
public sealed class NewCallAnalyticsRuleCommand : AsyncCmdlet
{
    private const string TranscriptSet = "Transcript";
    private const string SentimentSet = "Sentiment";
    private const string InterruptionSet = "Interruption";
    private const string NonTalkTimeSet = "NonTalkTime";

    [Parameter(ParameterSetName = TranscriptSet, Mandatory = true)]
    public string[]? TranscriptContains { get; set; }

    [Parameter(ParameterSetName = SentimentSet, Mandatory = true)]
    [ValidateSet("POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED")]
    public string[]? Sentiment { get; set; }

    [Parameter(ParameterSetName = InterruptionSet, Mandatory = true)]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Milliseconds)]
    public TimeSpan? InterruptionThreshold { get; set; }

    [Parameter(ParameterSetName = NonTalkTimeSet, Mandatory = true)]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Milliseconds)]
    public TimeSpan? NonTalkTimeThreshold { get; set; }

    [Parameter]
    public SwitchParameter Negate { get => NegateOn; set => NegateOn = value.IsPresent; }

    [Parameter]
    [ValidateSet("Agent", "Customer")]
    public string? Participant { get; set; }

    [Parameter]
    public double? FirstSeconds { get; set; }

    [Parameter]
    public double? LastSeconds { get; set; }

    [Parameter]
    public double? StartSeconds { get; set; }

    [Parameter]
    public double? EndSeconds { get; set; }

    [Parameter]
    public int? FirstPercent { get; set; }

    [Parameter]
    public int? LastPercent { get; set; }

    [Parameter]
    public int? StartPercent { get; set; }

    [Parameter]
    public int? EndPercent { get; set; }

    internal bool NegateOn { get; set; }

    private protected override Task ProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            Shell.WriteObject(CallAnalyticsRule.FromRule(CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest
            {
                TranscriptContains = TranscriptContains,
                Sentiment = Sentiment,
                InterruptionThreshold = InterruptionThreshold,
                NonTalkTimeThreshold = NonTalkTimeThreshold,
                Negate = NegateOn,
                Participant = Participant,
                FirstSeconds = FirstSeconds,
                LastSeconds = LastSeconds,
                StartSeconds = StartSeconds,
                EndSeconds = EndSeconds,
                FirstPercent = FirstPercent,
                LastPercent = LastPercent,
                StartPercent = StartPercent,
                EndPercent = EndPercent,
            })));
        }
        catch (CategoryRuleException ex)
        {
            Shell.WriteError(CategoryErrors.From(ex, ex.Path));
        }

        return Task.CompletedTask;
    }
}
