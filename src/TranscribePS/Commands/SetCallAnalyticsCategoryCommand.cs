using System.Management.Automation;
using TranscribePS.Completion;
using TranscribePS.Core;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Set, "CallAnalyticsCategory", DefaultParameterSetName = NameSet, SupportsShouldProcess = true)]
[OutputType(typeof(CallAnalyticsCategory))]
public sealed class SetCallAnalyticsCategoryCommand : AwsCmdlet
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CategoryName")]
    [ArgumentCompleter(typeof(CategoryNameCompleter))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = NameSet, Mandatory = true)]
    public object[]? Rule { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("POST_CALL", "REAL_TIME")]
    public string? InputType { get; set; }

    /// <summary>Our category objects, or anything in their or the API's shape (ConvertFrom-Json of a saved category).</summary>
    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    public object[]? InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get => PassThruOn; set => PassThruOn = value.IsPresent; }

    internal bool PassThruOn { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        if (Name is not null)
        {
            await UpdateAsync(Name, () => (CategoryRuleConverter.ToRules(PlainValues.From(Rule)), PlainValues.InputType(InputType)), cancellationToken).ConfigureAwait(false);
        }

        foreach (var item in InputObject ?? [])
        {
            CallAnalyticsCategory category;
            try
            {
                category = CategoryRuleConverter.ToCategory(item is CallAnalyticsCategory typed ? typed : PlainValues.From(item));
            }
            catch (CategoryRuleException ex)
            {
                Shell.WriteError(CategoryErrors.From(ex, item));
                continue;
            }

            await UpdateAsync(category.Name, () => (category.ToRules(), category.InputType), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UpdateAsync(string name, Func<(IReadOnlyList<Rule> Rules, InputType? InputType)> read, CancellationToken cancellationToken)
    {
        (IReadOnlyList<Rule> Rules, InputType? InputType) update;
        try
        {
            update = read();
            CategoryRuleValidator.ValidateCategory(name, update.Rules);
        }
        catch (CategoryRuleException ex)
        {
            Shell.WriteError(CategoryErrors.From(ex, name));
            return;
        }

        if (!await Shell.ShouldProcessAsync(name, Messages.UpdateCategoryAction(update.Rules.Count)).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var response = await Aws.Client.UpdateCallAnalyticsCategoryAsync(new UpdateCallAnalyticsCategoryRequest
            {
                CategoryName = name,
                Rules = update.Rules,
                InputType = update.InputType,
            }, cancellationToken).ConfigureAwait(false);
            if (PassThruOn && response.CategoryProperties is { } properties)
            {
                Shell.WriteObject(CallAnalyticsCategory.FromProperties(properties));
            }
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, name);
        }
    }
}
