using System.Management.Automation;
using TranscribePS.Core.Analytics;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "CallAnalyticsInsight", DefaultParameterSetName = JobSet)]
[OutputType(typeof(CallAnalyticsInsight))]
public sealed class GetCallAnalyticsInsightCommand : TranscriptSourceCmdlet
{
    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
        => Shell.WriteObject(await CallAnalyticsInsightReader.ReadAsync(source.Json, source.Name, cancellationToken).ConfigureAwait(false));
}
