using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>
/// One category rule as PowerShell shows it (PSTypeName <c>TranscribePS.CallAnalyticsRule</c>): the API's union shape,
/// exactly one of the four filter properties set. <c>ConvertTo-Json</c> of it is the API's JSON (plus null members, and
/// enums as numbers unless <c>-EnumsAsStrings</c>), which <see cref="CategoryRuleConverter"/> reads back.
/// </summary>
public sealed record CallAnalyticsRule
{
    private CallAnalyticsRule(Rule rule)
    {
        Rule = rule;
    }

    public TranscriptFilter? TranscriptFilter => Rule.Filter as TranscriptFilter;
    public SentimentFilter? SentimentFilter => Rule.Filter as SentimentFilter;
    public InterruptionFilter? InterruptionFilter => Rule.Filter as InterruptionFilter;
    public NonTalkTimeFilter? NonTalkTimeFilter => Rule.Filter as NonTalkTimeFilter;

    /// <summary>The wire rule; internal so that ConvertTo-Json does not write the filter twice.</summary>
    internal Rule Rule { get; }

    public static CallAnalyticsRule FromRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CallAnalyticsRule(rule);
    }

    public Rule ToRule() => Rule;
}

/// <summary>
/// A Call Analytics category (PSTypeName <c>TranscribePS.CallAnalyticsCategory</c>), as Get-CallAnalyticsCategory
/// emits it. <see cref="CategoryRuleConverter.ToCategory"/> reads this shape (and the API's <c>CategoryProperties</c>
/// shape) back from hashtables or ConvertFrom-Json output, so a category can be saved as JSON and re-created.
/// </summary>
public sealed record CallAnalyticsCategory
{
    public required string Name { get; init; }
    public IReadOnlyList<CallAnalyticsRule> Rules { get; init; } = [];
    /// <summary>POST_CALL for batch jobs; null when the service did not say.</summary>
    public InputType? InputType { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? LastUpdateTime { get; init; }
    /// <summary>Tag key → value (ordinal keys, as the service treats them).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

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
            InputType = properties.InputType,
            CreateTime = properties.CreateTime,
            LastUpdateTime = properties.LastUpdateTime,
            Tags = tags,
        };
    }

    /// <summary>The wire rules, for Create/UpdateCallAnalyticsCategory.</summary>
    public IReadOnlyList<Rule> ToRules() => Rules.Select(r => r.ToRule()).ToList();

    /// <summary>The wire tags, for CreateCallAnalyticsCategory; null when there are none.</summary>
    public IReadOnlyList<Tag>? ToTags() => Tags.Count == 0 ? null : Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();
}
