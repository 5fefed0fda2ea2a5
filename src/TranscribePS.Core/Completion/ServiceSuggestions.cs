using System.Globalization;
using Amazon;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Completion;

/// <summary>
/// What the completers offer: the regions the AWS SDK knows, and, from the service at the place the command line
/// names, recent job names and category names (cached and time-bounded by <see cref="CompletionCache"/>).
/// </summary>
public static class ServiceSuggestions
{
    /// <summary>Jobs offered per kind: the newest, one List page.</summary>
    public const int RecentJobsPerKind = 100;

    /// <summary>One cache for the session: a list is reused for a minute, a Tab waits at most 1.5 s.</summary>
    public static CompletionCache Cache { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));

    /// <summary>The regions the AWS SDK knows in the public, China and GovCloud partitions, by code, with their names.</summary>
    public static IReadOnlyList<Suggestion> Regions { get; } =
        [.. RegionEndpoint.EnumerableAllRegions
            .Where(r => !r.SystemName.Contains("-iso", StringComparison.Ordinal))
            .Select(r => new Suggestion(r.SystemName, $"{r.SystemName} ({r.DisplayName})"))
            .OrderBy(s => s.Value, StringComparer.Ordinal)];

    /// <summary>Recent jobs of <paramref name="kinds"/> at the place <paramref name="input"/> resolves to, newest first; nothing when the settings do not resolve.</summary>
    public static IReadOnlyList<Suggestion> RecentJobs(AwsSettingsInput input, IReadOnlyList<JobKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return Resolve(input) is { } settings
            ? Cache.Get($"jobs|{string.Join(',', kinds)}|{Place(settings, input)}", cancellationToken => ListJobsAsync(settings, kinds, cancellationToken))
            : [];
    }

    /// <summary>The call analytics categories at the place <paramref name="input"/> resolves to, by name.</summary>
    public static IReadOnlyList<Suggestion> Categories(AwsSettingsInput input)
        => Resolve(input) is { } settings
            ? Cache.Get($"categories|{Place(settings, input)}", cancellationToken => ListCategoriesAsync(settings, cancellationToken))
            : [];

    /// <summary>Newest first across kinds; each described by kind, status and creation time.</summary>
    internal static async Task<IReadOnlyList<Suggestion>> ListJobsAsync(ITranscribeJobs jobs, IReadOnlyList<JobKind> kinds, CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(kinds.Select(async kind =>
        {
            var found = new List<TranscriptionJob>();
            try
            {
                await foreach (var job in jobs.ListAsync(kind, null, null, cancellationToken).ConfigureAwait(false))
                {
                    found.Add(job);
                    if (found.Count == RecentJobsPerKind)
                    {
                        break;
                    }
                }
            }
            catch (AwsServiceException)
            {
                // A kind the caller may not list (access denied, not offered in the region) leaves the others.
            }

            return found;
        })).ConfigureAwait(false);

        return lists.SelectMany(l => l)
            .OrderByDescending(j => j.CreationTime ?? DateTimeOffset.MinValue)
            .Select(j => new Suggestion(j.JobName, Describe(j)))
            .ToList();
    }

    private static async Task<IReadOnlyList<Suggestion>> ListJobsAsync(AwsSettings settings, IReadOnlyList<JobKind> kinds, CancellationToken cancellationToken)
    {
        using var clients = new AwsClients(settings);
        return await ListJobsAsync(clients.Jobs, kinds, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<Suggestion>> ListCategoriesAsync(AwsSettings settings, CancellationToken cancellationToken)
    {
        using var clients = new AwsClients(settings);
        var found = new List<Suggestion>();
        await foreach (var category in CategoryLookup.ListAsync(clients.Transcribe, [], cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(category.CategoryName))
            {
                found.Add(new Suggestion(category.CategoryName, category.InputType is { } type ? $"{category.CategoryName} ({type})" : category.CategoryName));
            }
        }

        return [.. found.OrderBy(s => s.Value, StringComparer.OrdinalIgnoreCase)];
    }

    private static string Describe(TranscriptionJob job)
        => job.CreationTime is { } created
            ? string.Create(CultureInfo.InvariantCulture, $"{job.JobName} ({job.Kind}, {job.Status}, created {created.ToLocalTime():yyyy-MM-dd HH:mm})")
            : $"{job.JobName} ({job.Kind}, {job.Status})";

    private static AwsSettings? Resolve(AwsSettingsInput input)
    {
        try
        {
            return AwsSettings.Resolve(input);
        }
        catch (Exception ex) when (ex is AwsSettingsException or ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Where the lists come from: region, endpoint and whose credentials (never a secret).</summary>
    private static string Place(AwsSettings settings, AwsSettingsInput input)
        => $"{settings.Region}|{settings.TranscribeEndpoint}|{settings.CredentialSource}|{input.AccessKey}|{input.ProfileName}|{input.ProfileLocation}";
}
