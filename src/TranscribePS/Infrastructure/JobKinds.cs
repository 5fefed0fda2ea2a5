using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>The -Kind parameter's values and looking a job up by name when its kind is not known.</summary>
internal static class JobKinds
{
    public const string All = "All";

    /// <summary>The order kinds are tried in for a bare name: the module's own kinds first.</summary>
    private static readonly JobKind[] SearchOrder = [JobKind.Medical, JobKind.CallAnalytics, JobKind.Standard, JobKind.Scribe];

    /// <summary>The kinds a -Kind value stands for (All = every kind).</summary>
    public static IReadOnlyList<JobKind> Expand(string? kind)
        => string.IsNullOrEmpty(kind) || kind.Equals(All, StringComparison.OrdinalIgnoreCase)
            ? SearchOrder
            : [Enum.Parse<JobKind>(kind, ignoreCase: true)];

    /// <summary>Gets the named job from the first kind that has it; null when none does.</summary>
    public static async Task<TranscriptionJob?> FindAsync(ITranscribeJobs jobs, string name, IReadOnlyList<JobKind> kinds, CancellationToken cancellationToken)
    {
        foreach (var kind in kinds)
        {
            try
            {
                return await jobs.GetAsync(kind, name, cancellationToken).ConfigureAwait(false);
            }
            catch (TranscribeException ex) when (ex.Kind == TranscribeErrorKind.NotFound)
            {
                // Not this kind; try the next.
            }
        }

        return null;
    }
}
