using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>
/// What Get-, Wait- and Remove-TranscribeJob share: jobs piped in (-InputObject), or -Name values (names or
/// wildcard patterns) of a -Kind, declared once so the three take the same aliases and kinds. A name is checked
/// against the service's name rule before any call; a pattern is listed with the service's name filter.
/// </summary>
public abstract class JobCmdlet : AwsCmdlet
{
    private protected const string NameSet = "Name";
    private protected const string InputObjectSet = "InputObject";

    private JobLookup? _lookup;

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    /// <remarks>Not mandatory because Get-TranscribeJob lists every job without it; Wait and Remove say so when it is missing.</remarks>
    [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobName", "MedicalTranscriptionJobName", "CallAnalyticsJobName", "TranscriptionJobName", "MedicalScribeJobName")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(JobNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("Medical", "CallAnalytics", "Standard", "Scribe", JobKinds.All)]
    public string Kind { get; set; } = JobKinds.All;

    private protected JobLookup Lookup => _lookup ??= new JobLookup(Aws.Jobs);

    /// <summary>
    /// Hands <paramref name="found"/> each job the -Name values stand for: a name read by Get from the first kind
    /// that has it (an error when none does), a pattern's matches listed kind by kind. <paramref name="onPattern"/>,
    /// when given, may take a value instead (Remove under -WhatIf, which may not call). Each bad value or failed
    /// call is one error; the other values go on. <paramref name="found"/> reports its own failures.
    /// </summary>
    private protected async Task ForEachNamedJobAsync(JobStatus? status, bool details, Func<TranscriptionJob, Task> found, Func<NamePattern, Task<bool>>? onPattern, CancellationToken cancellationToken)
    {
        var kinds = JobKinds.Expand(Kind);
        foreach (var text in Name ?? [])
        {
            if (NameValues.Parse([text], NameKind.Job, Shell) is not [var pattern])
            {
                continue;
            }

            if (onPattern is not null && await onPattern(pattern).ConfigureAwait(false))
            {
                continue;
            }

            if (pattern.Literal is { } name)
            {
                await FindAsync(name, kinds, status, found, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var kind in kinds)
            {
                try
                {
                    // Each match is handed on as it arrives, so a long listing streams.
                    await foreach (var job in Lookup.ListAsync(kind, status, pattern, details, cancellationToken).ConfigureAwait(false))
                    {
                        await found(job).ConfigureAwait(false);
                    }
                }
                catch (AwsServiceException ex)
                {
                    WriteServiceError(ex, text);
                }
            }
        }
    }

    /// <summary>Wait and Remove act on given jobs only: without -Name or piped jobs they say what to give.</summary>
    private protected bool RequireNames()
    {
        if (Name is { Length: > 0 })
        {
            return true;
        }

        Shell.WriteError(CommandErrors.InvalidParameters(Messages.NameRequired, "NameRequired"));
        return false;
    }

    private async Task FindAsync(string name, IReadOnlyList<JobKind> kinds, JobStatus? status, Func<TranscriptionJob, Task> found, CancellationToken cancellationToken)
    {
        TranscriptionJob? job;
        try
        {
            job = await Lookup.FindAsync(name, kinds, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, name);
            return;
        }

        if (job is null)
        {
            Shell.WriteError(CommandErrors.JobNotFound(name, kinds, Aws.Region));
        }
        else if (status is null || job.Status == status)
        {
            await found(job).ConfigureAwait(false);
        }
    }
}
