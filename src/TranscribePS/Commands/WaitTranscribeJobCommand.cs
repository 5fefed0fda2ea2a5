using System.Management.Automation;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Wait, "TranscribeJob", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(TranscriptionJob))]
public sealed class WaitTranscribeJobCommand : JobCmdlet
{
    private readonly List<TranscriptionJob> _jobs = [];
    private WaitOptions _options = new();

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Bad wait settings stop the cmdlet before it reads any job.</summary>
    private protected override void CheckParameters() => _options = WaitReporter.Options(Timeout, PollInterval);

    /// <summary>Collects: the wait needs every job at once to schedule its calls (the waiter drops a job given twice).</summary>
    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        _jobs.AddRange(InputObject ?? []);
        if (InputObject is null && RequireNames())
        {
            await ForEachNamedJobAsync(null, details: false, Add, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override Task EndAsync(CancellationToken cancellationToken)
        => WaitReporter.RunAsync(Shell, new JobWaiter(Aws.JobsOf(_jobs)), _jobs, _options, cancellationToken);

    private Task Add(TranscriptionJob job)
    {
        _jobs.Add(job);
        return Task.CompletedTask;
    }
}
