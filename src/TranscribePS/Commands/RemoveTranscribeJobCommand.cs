using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Remove, "TranscribeJob", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(TranscriptionJob))]
public sealed class RemoveTranscribeJobCommand : AwsCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("JobName", "MedicalTranscriptionJobName", "CallAnalyticsJobName", "TranscriptionJobName", "MedicalScribeJobName")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("Medical", "CallAnalytics", "Standard", "Scribe", JobKinds.All)]
    public string Kind { get; set; } = JobKinds.All;

    [Parameter]
    public SwitchParameter IncludeOutput { get => IncludeOutputOn; set => IncludeOutputOn = value.IsPresent; }

    [Parameter]
    public SwitchParameter PassThru { get => PassThruOn; set => PassThruOn = value.IsPresent; }

    internal bool IncludeOutputOn { get; set; }

    internal bool PassThruOn { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        if (InputObject is not null)
        {
            foreach (var job in InputObject)
            {
                await RemoveAsync(job.JobName, [job.Kind], job, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        foreach (var name in Name ?? [])
        {
            await RemoveAsync(name, JobKinds.Expand(Kind), name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveAsync(string name, IReadOnlyList<JobKind> kinds, object target, CancellationToken cancellationToken)
    {
        // Asked before any call, so -WhatIf reads nothing either.
        if (!await Shell.ShouldProcessAsync(Messages.RemoveJobTarget(kinds.Count == 1 ? kinds[0] : null, name), Messages.RemoveJobAction(IncludeOutputOn)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            // Read the job first: its kind may be unknown, and List results carry no output locations.
            var job = await JobKinds.FindAsync(Aws.Jobs, name, kinds, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                Shell.WriteError(CommandErrors.JobNotFound(name, Kind));
                return;
            }

            // Output first: if a delete fails the job still points at what is left, so a rerun can finish the cleanup.
            foreach (var uri in IncludeOutputOn ? job.OutputUris().Where(AwsSession.IsDeletableOutput) : [])
            {
                await Aws.DeleteObjectAsync(uri, cancellationToken).ConfigureAwait(false);
                Shell.WriteVerbose(Messages.OutputDeleted(uri));
            }

            await Aws.Jobs.DeleteAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false);
            Shell.WriteVerbose(Messages.JobRemoved(job.Kind, job.JobName));
            if (PassThruOn)
            {
                Shell.WriteObject(job);
            }
        }
        catch (TranscribeException ex)
        {
            WriteServiceError(ex, target);
        }
    }
}
