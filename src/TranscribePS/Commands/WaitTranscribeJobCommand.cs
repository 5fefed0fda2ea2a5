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

    private readonly List<TranscriptionJob> _jobs = [];
    private readonly HashSet<(JobKind, string)> _seen = [];
    private WaitOptions _options = new();

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

    /// <summary>Collects: the wait needs every job at once to schedule its calls.</summary>
    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            Add(job);
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
                    Add(job);
                }
            }
            catch (TranscribeException ex)
            {
                WriteServiceError(ex, name);
            }
        }
    }

    private protected override Task EndAsync(CancellationToken cancellationToken)
        => WaitReporter.RunAsync(Shell, new JobWaiter(Aws.Jobs), _jobs, _options, cancellationToken);

    private void Add(TranscriptionJob job)
    {
        // The same job piped twice is waited for (and emitted) once.
        if (_seen.Add((job.Kind, job.JobName)))
        {
            _jobs.Add(job);
        }
    }
}
