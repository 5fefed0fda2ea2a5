using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Core.Jobs;

/// <summary>The -Kind values: a kind's name, or <see cref="All"/>.</summary>
public static class JobKinds
{
    public const string All = "All";

    /// <summary>The order kinds are tried in for a bare name: the module's own kinds first.</summary>
    public static IReadOnlyList<JobKind> SearchOrder { get; } = [JobKind.Medical, JobKind.CallAnalytics, JobKind.Standard, JobKind.Scribe];

    /// <summary>Every -Kind value, for the parameter's validation and completion.</summary>
    public static IReadOnlyList<string> Values { get; } = [.. SearchOrder.Select(k => k.ToString()), All];

    /// <summary>The kinds a -Kind value stands for (<see cref="All"/> or nothing: every kind).</summary>
    public static IReadOnlyList<JobKind> Expand(string? kind)
        => string.IsNullOrEmpty(kind) || kind.Equals(All, StringComparison.OrdinalIgnoreCase)
            ? SearchOrder
            : [Enum.Parse<JobKind>(kind, ignoreCase: true)];
}

/// <summary>
/// Finds jobs for the -Name parameters: a literal name by Get over the kinds in turn, a pattern by List with the
/// service's JobNameContains filter narrowed to the pattern's longest literal part, then matched here. List answers
/// are summaries (no media or output locations); with details each listed job is read by Get, paced under the
/// service's Get quota, so the objects are complete.
/// </summary>
public sealed class JobLookup
{
    private readonly ITranscribeJobs _jobs;
    private readonly CallPacer _getPacer;

    /// <param name="jobs">The service operations.</param>
    /// <param name="getCallsPerSecond">Pace of the detail reads; the waiter's default, a third of the service's Get quota.</param>
    /// <param name="clock">For the pacing; <see cref="TimeProvider.System"/> when null.</param>
    public JobLookup(ITranscribeJobs jobs, double getCallsPerSecond = 10, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _jobs = jobs;
        _getPacer = new CallPacer(getCallsPerSecond, clock ?? TimeProvider.System);
    }

    /// <summary>The named job from the first of <paramref name="kinds"/> that has it; null when none does.</summary>
    public async Task<TranscriptionJob?> FindAsync(string name, IReadOnlyList<JobKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            try
            {
                return await _jobs.GetAsync(kind, name, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
            {
                // Not this kind; try the next.
            }
        }

        return null;
    }

    /// <summary>
    /// The jobs of one kind, newest first, optionally only those in <paramref name="status"/> and matching
    /// <paramref name="pattern"/>. Without <paramref name="details"/> they are List summaries
    /// (<see cref="TranscriptionJob.IsSummary"/>); with it each is read once more (a job deleted in between is left out).
    /// </summary>
    public async IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, NamePattern? pattern, bool details, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var contains = pattern is { LongestLiteral.Length: > 0 } ? pattern.LongestLiteral : null;
        await foreach (var summary in _jobs.ListAsync(kind, status, contains, cancellationToken).ConfigureAwait(false))
        {
            if (pattern is not null && !pattern.IsMatch(summary.JobName))
            {
                continue;
            }

            if (!details)
            {
                yield return summary;
                continue;
            }

            await _getPacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            TranscriptionJob? job;
            try
            {
                job = await _jobs.GetAsync(kind, summary.JobName, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
            {
                job = null;
            }

            if (job is not null)
            {
                yield return job;
            }
        }
    }
}
