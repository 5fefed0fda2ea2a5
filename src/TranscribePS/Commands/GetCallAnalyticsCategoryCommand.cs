using System.Management.Automation;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "CallAnalyticsCategory")]
[OutputType(typeof(CallAnalyticsCategory))]
public sealed class GetCallAnalyticsCategoryCommand : AwsCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CategoryName")]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        var literals = (Name ?? []).Where(n => !NamePattern.HasWildcards(n)).ToArray();
        var patterns = (Name ?? []).Where(NamePattern.HasWildcards).Select(NamePattern.Parse).ToArray();
        foreach (var name in literals)
        {
            try
            {
                var response = await Aws.Client.GetCallAnalyticsCategoryAsync(new GetCallAnalyticsCategoryRequest { CategoryName = name }, cancellationToken).ConfigureAwait(false);
                if (response.CategoryProperties is { } properties)
                {
                    Shell.WriteObject(CallAnalyticsCategory.FromProperties(properties));
                }
            }
            catch (TranscribeException ex)
            {
                WriteServiceError(ex, name);
            }
        }

        if (literals.Length > 0 && patterns.Length == 0)
        {
            return;
        }

        // No name or wildcards: the service has no name filter, so list every category (pages of 100) and match here.
        try
        {
            await foreach (var properties in Aws.Client.ListAllCallAnalyticsCategoriesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (patterns.Length == 0 || patterns.Any(p => p.IsMatch(properties.CategoryName ?? string.Empty)))
                {
                    Shell.WriteObject(CallAnalyticsCategory.FromProperties(properties));
                }
            }
        }
        catch (TranscribeException ex)
        {
            WriteServiceError(ex, null);
        }
    }
}
