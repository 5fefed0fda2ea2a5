using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Completion;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Completion;

/// <summary>
/// Completers that read the command line's own AWS parameters (-Region, -ProfileName, -EndpointUrl …), so a Tab
/// looks where the command would. They never throw: whatever goes wrong completes nothing.
/// </summary>
public abstract class ServiceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            return Suggestion.Matching(Suggestions(fakeBoundParameters ?? new Hashtable()), wordToComplete, NameKind)
                .Select(s => new CompletionResult(Quoted(s.Value), s.Value, CompletionResultType.ParameterValue, s.Description))
                .ToList();
        }
        catch (Exception)
        {
            // A completer that throws leaves the user with file names; one that fails quietly leaves nothing.
            return [];
        }
    }

    private protected virtual NameKind NameKind => NameKind.Job;

    private protected abstract IReadOnlyList<Suggestion> Suggestions(IDictionary bound);

    private protected static AwsSettingsInput Settings(IDictionary bound) => new()
    {
        Region = Text(bound, "Region"),
        ProfileName = Text(bound, "ProfileName") ?? Text(bound, "AWSProfileName"),
        ProfileLocation = Text(bound, "ProfileLocation"),
        AccessKey = Text(bound, "AccessKey"),
        SecretKey = Text(bound, "SecretKey"),
        SessionToken = Text(bound, "SessionToken"),
        EndpointUrl = Text(bound, "EndpointUrl"),
    };

    private protected static string? Text(IDictionary bound, string name)
        => bound.Contains(name) && bound[name] is { } value && (value is PSObject ps ? ps.BaseObject : value) is string text && text.Length > 0 ? text : null;

    private static string Quoted(string value)
        => value.Any(c => char.IsWhiteSpace(c) || "'\"`$&|;,(){}[]@#<>*?".Contains(c)) ? $"'{value.Replace("'", "''", StringComparison.Ordinal)}'" : value;
}

/// <summary>-Name of Get-, Wait- and Remove-TranscribeJob: the newest jobs of -Kind at the command's place.</summary>
public sealed class JobNameCompleter : ServiceCompleter
{
    private protected override IReadOnlyList<Suggestion> Suggestions(IDictionary bound)
        => ServiceSuggestions.RecentJobs(Settings(bound), JobKinds.Expand(Text(bound, "Kind")));
}

/// <summary>-Name of Get-, Set- and Remove-CallAnalyticsCategory: the categories at the command's place.</summary>
public sealed class CategoryNameCompleter : ServiceCompleter
{
    private protected override NameKind NameKind => NameKind.Category;

    private protected override IReadOnlyList<Suggestion> Suggestions(IDictionary bound) => ServiceSuggestions.Categories(Settings(bound));
}

/// <summary>-Region: the regions the AWS SDK knows, with their names; no call.</summary>
public sealed class RegionCompleter : ServiceCompleter
{
    private protected override IReadOnlyList<Suggestion> Suggestions(IDictionary bound) => ServiceSuggestions.Regions;
}
