using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>Categories by wildcard: the service has no name filter for them, so every page is listed and matched here.</summary>
public static class CategoryLookup
{
    /// <summary>The categories whose names match any of <paramref name="patterns"/>; every category when there is none.</summary>
    public static async IAsyncEnumerable<CategoryProperties> ListAsync(TranscribeClient client, IReadOnlyList<NamePattern> patterns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(patterns);
        await foreach (var properties in client.ListAllCallAnalyticsCategoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (patterns.Count == 0 || patterns.Any(p => p.IsMatch(properties.CategoryName ?? string.Empty)))
            {
                yield return properties;
            }
        }
    }
}
