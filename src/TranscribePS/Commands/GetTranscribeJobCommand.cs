using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "TranscribeJob", DefaultParameterSetName = NameSet)]
[OutputType(typeof(TranscriptionJob))]
public sealed class GetTranscribeJobCommand : AwsCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobName", "MedicalTranscriptionJobName", "CallAnalyticsJobName", "TranscriptionJobName", "MedicalScribeJobName")]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("Medical", "CallAnalytics", "Standard", "Scribe", JobKinds.All)]
    public string Kind { get; set; } = JobKinds.All;

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("QUEUED", "IN_PROGRESS", "FAILED", "COMPLETED")]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        if (InputObject is not null)
        {
            foreach (var job in InputObject)
            {
                await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var status = Status is null ? (JobStatus?)null : JobStatusText.FromWire(Status);
        var kinds = JobKinds.Expand(Kind);
        if (Name is null || Name.Length == 0)
        {
            await ListAsync(kinds, status, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var name in Name)
        {
            if (NamePattern.HasWildcards(name))
            {
                await ListAsync(kinds, status, NamePattern.Parse(name), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await GetAsync(name, kinds, status, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RefreshAsync(TranscriptionJob job, CancellationToken cancellationToken)
    {
        try
        {
            Shell.WriteObject(await Aws.Jobs.GetAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false));
        }
        catch (TranscribeException ex)
        {
            WriteServiceError(ex, job);
        }
    }

    private async Task GetAsync(string name, IReadOnlyList<JobKind> kinds, JobStatus? status, CancellationToken cancellationToken)
    {
        try
        {
            var job = await JobKinds.FindAsync(Aws.Jobs, name, kinds, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                Shell.WriteError(CommandErrors.JobNotFound(name, Kind));
            }
            else if (status is null || job.Status == status)
            {
                Shell.WriteObject(job);
            }
        }
        catch (TranscribeException ex)
        {
            WriteServiceError(ex, name);
        }
    }

    /// <summary>Streams each page as it arrives; a wildcard narrows the service's search to its longest literal part.</summary>
    private async Task ListAsync(IReadOnlyList<JobKind> kinds, JobStatus? status, NamePattern? pattern, CancellationToken cancellationToken)
    {
        var contains = string.IsNullOrEmpty(pattern?.LongestLiteral) ? null : pattern.LongestLiteral;
        foreach (var kind in kinds)
        {
            try
            {
                await foreach (var job in Aws.Jobs.ListAsync(kind, status, contains, cancellationToken).ConfigureAwait(false))
                {
                    if (pattern is null || pattern.IsMatch(job.JobName))
                    {
                        Shell.WriteObject(job);
                    }
                }
            }
            catch (TranscribeException ex)
            {
                WriteServiceError(ex, (object?)pattern?.Pattern ?? kind);
            }
        }
    }
}
