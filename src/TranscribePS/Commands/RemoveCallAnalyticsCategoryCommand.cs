using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Remove, "CallAnalyticsCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCallAnalyticsCategoryCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CategoryName")]
    [ArgumentCompleter(typeof(CategoryNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        var values = NameValues.Parse(Name, NameKind.Category, Shell);
        foreach (var name in values.Where(p => p.IsLiteral).Select(p => p.Literal!))
        {
            await RemoveAsync(name, cancellationToken).ConfigureAwait(false);
        }

        var patterns = values.Where(p => !p.IsLiteral).ToList();
        if (Shell.WhatIf)
        {
            // -WhatIf lists nothing, so a pattern is described as given.
            foreach (var pattern in patterns)
            {
                await Shell.ShouldProcessAsync(Messages.MatchingCategoriesTarget(pattern.Text), Messages.RemoveCategoryAction).ConfigureAwait(false);
            }

            return;
        }

        if (patterns.Count > 0)
        {
            var matches = new List<string>();
            try
            {
                await foreach (var properties in CategoryLookup.ListAsync(Aws.Client, patterns, cancellationToken).ConfigureAwait(false))
                {
                    matches.Add(properties.CategoryName ?? string.Empty);
                }
            }
            catch (AwsServiceException ex)
            {
                WriteServiceError(ex, null);
            }

            // Listed first and removed after: deleting while paging could skip categories.
            foreach (var name in matches)
            {
                await RemoveAsync(name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if (!await Shell.ShouldProcessAsync(name, Messages.RemoveCategoryAction).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await Aws.Client.DeleteCallAnalyticsCategoryAsync(new DeleteCallAnalyticsCategoryRequest { CategoryName = name }, cancellationToken).ConfigureAwait(false);
            Shell.WriteVerbose(Messages.CategoryRemoved(name));
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, name);
        }
    }
}
