using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Wait, "TranscribeJob", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(TranscriptionJob))]
public sealed class WaitTranscribeJobCommand : JobCmdlet
{
    private WaitOptions _options = new();
    private WaitSession? _session;
    private JobRouter? _router;

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [TimeSpanArgument(TimeSpanArgumentAttribute.Seconds)]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Bad wait settings stop the cmdlet before it reads any job.</summary>
    private protected override void CheckParameters() => _options = WaitReporter.Options(Timeout, PollInterval);

    /// <summary>The wait runs from the start; each job joins it as it arrives and comes out the moment it finishes.</summary>
    private protected override Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        // Each job is waited for where it lives: the router sends its calls there.
        _router = Aws.Router();
        _session = WaitReporter.Start(Shell, new JobWaiter(_router), _options, StartBackground);
        return Task.CompletedTask;
    }

    /// <summary>A job joins the running wait (once, however often it is piped); finished jobs are written at each record.</summary>
    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            _session!.Add(_router!.Track(job));
        }

        if (InputObject is null && RequireNames())
        {
            await ForEachNamedJobAsync(null, details: false, Add, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No more jobs: EndProcessing returns once every job has left the wait.</summary>
    private protected override Task EndAsync(CancellationToken cancellationToken)
    {
        _session?.CompleteAdding();
        return Task.CompletedTask;
    }

    private Task Add(TranscriptionJob job)
    {
        _session!.Add(_router!.Track(job));
        return Task.CompletedTask;
    }
}
