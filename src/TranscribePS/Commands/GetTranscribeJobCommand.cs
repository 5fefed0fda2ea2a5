using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "TranscribeJob", DefaultParameterSetName = NameSet)]
[OutputType(typeof(TranscriptionJob))]
public sealed class GetTranscribeJobCommand : JobCmdlet
{
    /// <remarks>Completed as jobs print their status (InProgress); the service's IN_PROGRESS is taken too.</remarks>
    [Parameter(ParameterSetName = NameSet)]
    [JobStatusArgument]
    [ArgumentCompleter(typeof(JobStatusCompleter))]
    public JobStatus? Status { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
        }

        if (InputObject is not null)
        {
            return;
        }

        var status = Status;
        if (Name is { Length: > 0 })
        {
            // Names and patterns give whole jobs (each listed match read by Get, paced).
            await ForEachNamedJobAsync(status, details: true, Write, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Every job: List summaries, streamed page by page (IsSummary; pipe them to Get-TranscribeJob for the rest).
        foreach (var kind in JobKinds.Expand(Kind))
        {
            try
            {
                await foreach (var job in Lookup.ListAsync(kind, status, null, details: false, cancellationToken).ConfigureAwait(false))
                {
                    Shell.WriteObject(job);
                }
            }
            catch (AwsServiceException ex)
            {
                WriteServiceError(ex, kind);
            }
        }
    }

    private Task Write(TranscriptionJob job)
    {
        Shell.WriteObject(job);
        return Task.CompletedTask;
    }

    private async Task RefreshAsync(TranscriptionJob job, CancellationToken cancellationToken)
    {
        try
        {
            Shell.WriteObject(await Aws.For(job).Jobs.GetAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, job);
        }
    }
}
