using System.Collections;
using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.New, "CallAnalyticsCategory", SupportsShouldProcess = true)]
[OutputType(typeof(CallAnalyticsCategory))]
public sealed class NewCallAnalyticsCategoryCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CategoryName")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Rules from New-CallAnalyticsRule, hashtables in the API's shape, or a saved category's Rules (objects or JSON text).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Rules")]
    public object[]? Rule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsDefault("POST_CALL")]
    [ValidateSet("POST_CALL", "REAL_TIME")]
    public string InputType { get; set; } = "POST_CALL";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [TagArgument]
    public Hashtable? Tag { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Rule> rules;
        var tags = Hashtables.ToStringMap(Tag, StringComparer.Ordinal);
        try
        {
            rules = CategoryRuleConverter.ToRules(PlainValues.From(Rule));
            CategoryRuleValidator.ValidateCategory(Name, rules);
            CategoryRuleValidator.ValidateTags(tags);
        }
        catch (CategoryRuleException ex)
        {
            Shell.WriteError(CategoryErrors.From(ex, Name));
            return;
        }

        if (!await Shell.ShouldProcessAsync(Name, Messages.CreateCategoryAction(rules.Count)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var response = await Aws.Client.CreateCallAnalyticsCategoryAsync(new CreateCallAnalyticsCategoryRequest
            {
                CategoryName = Name,
                Rules = rules,
                InputType = PlainValues.InputType(InputType),
                Tags = tags.Count == 0 ? null : tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            }, cancellationToken).ConfigureAwait(false);
            Shell.WriteObject(CallAnalyticsCategory.FromProperties(response.CategoryProperties ?? new CategoryProperties { CategoryName = Name, Rules = rules }));
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, Name);
        }
    }
}
