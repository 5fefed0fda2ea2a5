using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsLifecycle.Wait, "TranscribeJob", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(TranscriptionJob))]
public sealed class WaitTranscribeJobCommand : AwsCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    private WaitOptions _options = new();
    private WaitSession? _session;

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("JobName", "MedicalTranscriptionJobName", "CallAnalyticsJobName", "TranscriptionJobName", "MedicalScribeJobName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("Medical", "CallAnalytics", "Standard", "Scribe", JobKinds.All)]
    public string Kind { get; set; } = JobKinds.All;

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
        _session = WaitReporter.Start(Shell, new JobWaiter(Aws.Jobs), _options, StartBackground);
        return Task.CompletedTask;
    }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        // A job joins the running wait (once, however often it is piped); finished jobs are written at each record.
        foreach (var job in InputObject ?? [])
        {
            _session!.Add(job);
        }

        foreach (var name in Name ?? [])
        {
            try
            {
                var job = await JobKinds.FindAsync(Aws.Jobs, name, JobKinds.Expand(Kind), cancellationToken).ConfigureAwait(false);
                if (job is null)
                {
                    Shell.WriteError(CommandErrors.JobNotFound(name, Kind));
                }
                else
                {
                    _session!.Add(job);
                }
            }
            catch (TranscribeException ex)
            {
                WriteServiceError(ex, name);
            }
        }
    }

    /// <summary>No more jobs: EndProcessing returns once every job has left the wait.</summary>
    private protected override Task EndAsync(CancellationToken cancellationToken)
    {
        _session?.CompleteAdding();
        return Task.CompletedTask;
    }
}
