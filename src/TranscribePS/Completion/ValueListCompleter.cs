using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Completion;

/// <summary>Completes a parameter from a fixed list of service values (no AWS call, so never slow and never throws).</summary>
public abstract class ValueListCompleter(IReadOnlyList<string> values) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}

/// <summary>Language codes for -LanguageOption.</summary>
public sealed class LanguageCodeCompleter() : ValueListCompleter(ServiceVocabulary.LanguageCodes);

/// <summary>PII entity types for -PiiEntityType.</summary>
public sealed class PiiEntityTypeCompleter() : ValueListCompleter(ServiceVocabulary.PiiEntityTypes);

/// <summary>-Status of Get-TranscribeJob: the statuses as jobs print them.</summary>
public sealed class JobStatusCompleter() : ValueListCompleter(Enum.GetNames<JobStatus>());
