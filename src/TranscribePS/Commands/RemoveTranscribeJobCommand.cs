using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Remove, "TranscribeJob", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TranscriptionJob))]
public sealed class RemoveTranscribeJobCommand : JobCmdlet
{
    [Parameter]
    public SwitchParameter IncludeOutput { get => IncludeOutputOn; set => IncludeOutputOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter IncludeMedia { get => IncludeMediaOn; set => IncludeMediaOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter PassThru { get => PassThruOn; set => PassThruOn = value.IsPresent; }

    internal bool IncludeOutputOn { get; set; }

    internal bool IncludeMediaOn { get; set; }

    internal bool PassThruOn { get; set; }

    private RemovalScope Scope => new(IncludeOutputOn, IncludeMediaOn);

    /// <summary>Removes the job where it lives (a job given by name lives where the cmdlet looked it up).</summary>
    private JobRemover RemoverFor(TranscriptionJob job)
    {
        var clients = Aws.For(job);
        return new JobRemover(clients.Jobs, clients.Transfer);
    }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            await RemoveAsync(job, current: false, cancellationToken).ConfigureAwait(false);
        }

        if (InputObject is null && RequireNames())
        {
            // A name's job was just read by Get; a pattern's matches are List summaries, read again before removal.
            await ForEachNamedJobAsync(null, details: false, job => RemoveAsync(job, current: true, cancellationToken), WhatIfByName, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>-WhatIf reads nothing, so a name or pattern is described as given instead of looked up.</summary>
    private async Task<bool> WhatIfByName(NamePattern pattern)
    {
        if (!Shell.WhatIf)
        {
            return false;
        }

        var target = pattern.Literal is { } name ? Messages.RemoveJobTarget(JobKinds.Expand(Kind) is [var kind] ? kind : null, name) : Messages.RemoveMatchingJobsTarget(pattern.Text, Kind);
        await Shell.ShouldProcessAsync(target, Messages.RemoveNamedJobAction(Scope)).ConfigureAwait(false);
        return true;
    }

    private async Task RemoveAsync(TranscriptionJob job, bool current, CancellationToken cancellationToken)
    {
        var target = Messages.RemoveJobTarget(job.Kind, job.JobName);
        if (Shell.WhatIf)
        {
            // A summary names no objects, so they cannot be listed without a call.
            await Shell.ShouldProcessAsync(target, job.IsSummary ? Messages.RemoveNamedJobAction(Scope) : Messages.RemoveJobAction(JobRemover.Describe(job, Scope))).ConfigureAwait(false);
            return;
        }

        try
        {
            // Read first (its outputs, and whether this module uploaded the recording), so the prompt lists every object.
            var remover = RemoverFor(job);
            var removal = await remover.PlanAsync(job, Scope, current, cancellationToken).ConfigureAwait(false);
            if (!await Shell.ShouldProcessAsync(target, Messages.RemoveJobAction(removal)).ConfigureAwait(false))
            {
                return;
            }

            await remover.RemoveAsync(removal, deleted => Shell.WriteVerbose(Messages.ObjectDeleted(deleted.ToString())), cancellationToken).ConfigureAwait(false);
            foreach (var kept in removal.Kept)
            {
                Shell.WriteVerbose(Messages.ObjectKept(kept.Uri, kept.Reason));
            }

            Shell.WriteVerbose(Messages.JobRemoved(job.Kind, job.JobName));
            if (PassThruOn)
            {
                Shell.WriteObject(removal.Job);
            }
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, job);
        }
    }
}
