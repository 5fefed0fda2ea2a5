using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
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
    [ArgumentCompleter(typeof(CategoryNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        var values = NameValues.Parse(Name, NameKind.Category, Shell);
        foreach (var name in values.Where(p => p.IsLiteral).Select(p => p.Literal!))
        {
            try
            {
                var response = await Aws.Client.GetCallAnalyticsCategoryAsync(new GetCallAnalyticsCategoryRequest { CategoryName = name }, cancellationToken).ConfigureAwait(false);
                if (response.CategoryProperties is { } properties)
                {
                    Shell.WriteObject(CallAnalyticsCategory.FromProperties(properties));
                }
            }
            catch (AwsServiceException ex)
            {
                WriteServiceError(ex, name);
            }
        }

        var patterns = values.Where(p => !p.IsLiteral).ToList();
        if (Name is { Length: > 0 } && patterns.Count == 0)
        {
            return;
        }

        // No name, or wildcards: list and match.
        try
        {
            await foreach (var properties in CategoryLookup.ListAsync(Aws.Client, patterns, cancellationToken).ConfigureAwait(false))
            {
                Shell.WriteObject(CallAnalyticsCategory.FromProperties(properties));
            }
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, null);
        }
    }
}
