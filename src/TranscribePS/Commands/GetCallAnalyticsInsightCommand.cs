using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Analytics;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "CallAnalyticsInsight", DefaultParameterSetName = JobSet)]
[OutputType(typeof(CallAnalyticsInsight))]
public sealed class GetCallAnalyticsInsightCommand : TranscriptSourceCmdlet
{
    /// <summary>Each feature the service skipped is said once, as a warning, besides being on the insight.</summary>
    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        var insight = await CallAnalyticsInsightReader.ReadAsync(source.Json, source.Name, source.Job, cancellationToken).ConfigureAwait(false);
        foreach (var skipped in insight.SkippedFeatures)
        {
            Shell.WriteWarning(Messages.FeatureSkipped(insight.JobName, skipped));
        }

        Shell.WriteObject(insight);
    }
}
