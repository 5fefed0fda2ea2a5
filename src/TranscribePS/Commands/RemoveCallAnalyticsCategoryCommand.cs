using System.Management.Automation;
using TranscribePS.Core;
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
    public string[]? Name { get; set; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Name ?? [])
        {
            if (!await Shell.ShouldProcessAsync(name, Messages.RemoveCategoryAction).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await Aws.Client.DeleteCallAnalyticsCategoryAsync(new DeleteCallAnalyticsCategoryRequest { CategoryName = name }, cancellationToken).ConfigureAwait(false);
                Shell.WriteVerbose(Messages.CategoryRemoved(name));
            }
            catch (TranscribeException ex)
            {
                WriteServiceError(ex, name);
            }
        }
    }
}
