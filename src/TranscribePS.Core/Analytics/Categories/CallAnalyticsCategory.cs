using System.Collections.ObjectModel;
using System.Text.Json;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>
/// One category rule as PowerShell shows it (PSTypeName <c>TranscribePS.CallAnalyticsRule</c>): the API's union shape,
/// exactly one of the four filter properties set, each a <see cref="CallAnalyticsFilter"/> whose enum values are the
/// API's strings. <c>ConvertTo-Json</c> of it is the API's JSON (plus null members), which
/// <see cref="CategoryRuleConverter"/> reads back; <see cref="ToString"/> reads as a sentence
/// (<c>Customer sentiment NEGATIVE in the last 25% of the call</c>).
/// </summary>
public sealed record CallAnalyticsRule
{
    private readonly CallAnalyticsFilter _filter;

    private CallAnalyticsRule(Rule rule)
    {
        Rule = rule;
        _filter = CallAnalyticsFilter.From(rule.Filter);
    }

    public CallAnalyticsTranscriptFilter? TranscriptFilter => _filter as CallAnalyticsTranscriptFilter;
    public CallAnalyticsSentimentFilter? SentimentFilter => _filter as CallAnalyticsSentimentFilter;
    public CallAnalyticsInterruptionFilter? InterruptionFilter => _filter as CallAnalyticsInterruptionFilter;
    public CallAnalyticsNonTalkTimeFilter? NonTalkTimeFilter => _filter as CallAnalyticsNonTalkTimeFilter;

    /// <summary>The wire rule; internal so that ConvertTo-Json does not write the filter twice.</summary>
    internal Rule Rule { get; }

    public static CallAnalyticsRule FromRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CallAnalyticsRule(rule);
    }

    public Rule ToRule() => Rule;

    public override string ToString() => _filter.ToString();
}

/// <summary>
/// A category's rules. <see cref="ToString"/> is the API's JSON of the rules, so Export-Csv writes a cell that
/// Import-Csv hands back to New-CallAnalyticsCategory; Format-List shows each rule's sentence.
/// </summary>
public sealed class CallAnalyticsRuleList(IList<CallAnalyticsRule> rules) : ReadOnlyCollection<CallAnalyticsRule>(rules)
{
    public static CallAnalyticsRuleList None { get; } = new([]);

    public static CallAnalyticsRuleList Of(IEnumerable<CallAnalyticsRule>? rules) => rules switch
    {
        null => None,
        CallAnalyticsRuleList list => list,
        _ => new CallAnalyticsRuleList(rules.ToArray()),
    };

    public override string ToString() => JsonSerializer.Serialize(this.Select(r => r.Rule).ToList(), WireJson.Options);
}

/// <summary>
/// A Call Analytics category (PSTypeName <c>TranscribePS.CallAnalyticsCategory</c>), as Get-CallAnalyticsCategory
/// emits it. It pipes back into New-CallAnalyticsCategory by property name (Name, Rules, InputType, Tags), also after
/// <c>ConvertTo-Json -Depth 10</c> / <c>ConvertFrom-Json</c> or Export-Csv / Import-Csv; <see cref="CategoryRuleConverter.ToCategory"/>
/// reads this shape (and the API's <c>CategoryProperties</c> shape) for Set-CallAnalyticsCategory.
/// </summary>
public sealed record CallAnalyticsCategory
{
    private readonly CallAnalyticsRuleList _rules = CallAnalyticsRuleList.None;
    private readonly TextMap<string> _tags = TextMap<string>.None;

    public required string Name { get; init; }
    public IReadOnlyList<CallAnalyticsRule> Rules { get => _rules; init => _rules = CallAnalyticsRuleList.Of(value); }
    /// <summary>POST_CALL for batch jobs, REAL_TIME for streaming (the API's string, what -InputType takes); null when the service did not say.</summary>
    public string? InputType { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? LastUpdateTime { get; init; }
    /// <summary>Tag key → value (ordinal keys, as the service treats them); Export-Csv writes <c>key=value; ...</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get => _tags; init => _tags = TextList.Map(value); }

    public static CallAnalyticsCategory FromProperties(CategoryProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in properties.Tags ?? [])
        {
            tags[tag.Key] = tag.Value;
        }

        return new CallAnalyticsCategory
        {
            Name = properties.CategoryName ?? string.Empty,
            Rules = properties.Rules?.Select(CallAnalyticsRule.FromRule).ToList() ?? [],
            InputType = properties.InputType is { } input ? WireEnum.Wire(input) : null,
            CreateTime = properties.CreateTime,
            LastUpdateTime = properties.LastUpdateTime,
            Tags = tags,
        };
    }

    /// <summary>The wire rules, for Create/UpdateCallAnalyticsCategory.</summary>
    public IReadOnlyList<Rule> ToRules() => Rules.Select(r => r.ToRule()).ToList();

    /// <summary>The wire input type; null when none is set.</summary>
    public InputType? ToInputType() => WireEnum.Parse<InputType>(InputType);

    /// <summary>The wire tags, for CreateCallAnalyticsCategory; null when there are none.</summary>
    public IReadOnlyList<Tag>? ToTags() => Tags.Count == 0 ? null : Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
}
