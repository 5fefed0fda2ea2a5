using TranscribePS.Core.Aws.Model;
using E = TranscribePS.Core.Analytics.Categories.CategoryRuleErrorIds;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>The service's limits on categories (botocore model <c>transcribe/2017-10-26</c>, see the API summary JSON).</summary>
public static class CategoryRuleLimits
{
    /// <summary><c>TimestampMilliseconds</c>: thresholds and absolute times, 0 … 4 hours.</summary>
    public const long MaxMilliseconds = 14_400_000;
    /// <summary><c>Percentage</c>: relative times.</summary>
    public const int MaxPercentage = 100;
    /// <summary><c>StringTargetList</c> entries: 1 … 2000 characters with at least one non-space.</summary>
    public const int MaxTargetLength = 2000;
    /// <summary><c>SentimentValueList</c> holds exactly one value.</summary>
    public const int MaxSentiments = 1;
    /// <summary><c>RuleList</c>: 1 … 20 rules per category.</summary>
    public const int MaxRules = 20;
    public const int MaxCategoryNameLength = ServiceNames.MaxLength;
    public const int MaxTags = 200;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;
}

/// <summary>Checks rules and categories against <see cref="CategoryRuleLimits"/> so the user hears about it before upload.</summary>
public static class CategoryRuleValidator
{
    /// <summary>Throws <see cref="CategoryRuleException"/> for the first limit the rule breaks; <paramref name="path"/> prefixes its location.</summary>
    public static void Validate(Rule rule, string path = "Rule")
    {
        ArgumentNullException.ThrowIfNull(rule);
        var filterPath = $"{path}.{FilterName(rule.Filter)}";
        switch (rule.Filter)
        {
            case TranscriptFilter transcript:
                ValidateTargets(transcript.Targets, $"{filterPath}.Targets");
                break;
            case SentimentFilter sentiment:
                ValidateSentiments(sentiment.Sentiments, $"{filterPath}.Sentiments");
                break;
            case InterruptionFilter interruption:
                ValidateThreshold(interruption.Threshold, $"{filterPath}.Threshold");
                break;
            case NonTalkTimeFilter nonTalk:
                ValidateThreshold(nonTalk.Threshold, $"{filterPath}.Threshold");
                break;
        }

        ValidateRanges(rule.Filter, filterPath);
    }

    /// <summary>Checks a category's name, its rule count and every rule (paths <c>Rules[i]…</c>).</summary>
    public static void ValidateCategory(string? name, IReadOnlyList<Rule>? rules)
    {
        ValidateCategoryName(name);
        if (rules is null || rules.Count is 0 or > CategoryRuleLimits.MaxRules)
        {
            throw new CategoryRuleException(E.RuleCount, Messages.CategoryRuleCount(rules?.Count ?? 0), "Rules");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            Validate(rules[i], $"Rules[{i}]");
        }
    }

    public static void ValidateCategoryName(string? name)
    {
        if (!ServiceNames.IsResourceName(name))
        {
            throw new CategoryRuleException(E.CategoryNameInvalid, Messages.CategoryNameInvalid(name), "Name");
        }
    }

    /// <summary>Tag keys 1–128 characters, values up to 256, at most 200 tags.</summary>
    public static void ValidateTags(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > CategoryRuleLimits.MaxTags)
        {
            throw new CategoryRuleException(E.TagInvalid, Messages.CategoryTagCount(tags.Count), "Tags");
        }

        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > CategoryRuleLimits.MaxTagKeyLength || value.Length > CategoryRuleLimits.MaxTagValueLength)
            {
                throw new CategoryRuleException(E.TagInvalid, Messages.CategoryTagInvalid(key), $"Tags.{key}");
            }
        }
    }

    internal static string FilterName(RuleFilter filter) => filter switch
    {
        TranscriptFilter => nameof(TranscriptFilter),
        SentimentFilter => nameof(SentimentFilter),
        InterruptionFilter => nameof(InterruptionFilter),
        NonTalkTimeFilter => nameof(NonTalkTimeFilter),
        _ => filter.GetType().Name,
    };

    private static void ValidateTargets(IReadOnlyList<string>? targets, string path)
    {
        if (targets is null || targets.Count == 0)
        {
            throw new CategoryRuleException(E.TargetsEmpty, Messages.CategoryRuleTargetsEmpty(path), path);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (string.IsNullOrWhiteSpace(target) || target.Length > CategoryRuleLimits.MaxTargetLength)
            {
                throw new CategoryRuleException(E.TargetInvalid, Messages.CategoryRuleTargetInvalid($"{path}[{i}]", target?.Length ?? 0), $"{path}[{i}]");
            }
        }
    }

    private static void ValidateSentiments(IReadOnlyList<SentimentValue>? sentiments, string path)
    {
        if (sentiments is null || sentiments.Count != CategoryRuleLimits.MaxSentiments)
        {
            throw new CategoryRuleException(E.SentimentCount, Messages.CategoryRuleSentimentCount(path, sentiments?.Count ?? 0), path);
        }
    }

    private static void ValidateThreshold(long? threshold, string path)
    {
        if (threshold is < 0 or > CategoryRuleLimits.MaxMilliseconds)
        {
            throw new CategoryRuleException(E.ThresholdOutOfRange, Messages.CategoryRuleThresholdOutOfRange(path, threshold.Value), path);
        }
    }

    private static void ValidateRanges(RuleFilter filter, string path)
    {
        if (filter.AbsoluteTimeRange is not null && filter.RelativeTimeRange is not null)
        {
            throw new CategoryRuleException(E.RangeConflict, Messages.CategoryRuleRangeConflict(path), path);
        }

        if (filter.AbsoluteTimeRange is { } absolute)
        {
            ValidateRange(
                new RangeValues(absolute.StartTime, absolute.EndTime, absolute.First, absolute.Last, CategoryRuleLimits.MaxMilliseconds),
                $"{path}.AbsoluteTimeRange", "StartTime", "EndTime", E.TimeOutOfRange);
        }

        if (filter.RelativeTimeRange is { } relative)
        {
            ValidateRange(
                new RangeValues(relative.StartPercentage, relative.EndPercentage, relative.First, relative.Last, CategoryRuleLimits.MaxPercentage),
                $"{path}.RelativeTimeRange", "StartPercentage", "EndPercentage", E.PercentOutOfRange);
        }
    }

    private readonly record struct RangeValues(long? Start, long? End, long? First, long? Last, long Max);

    private static void ValidateRange(RangeValues range, string path, string startName, string endName, string outOfRangeId)
    {
        foreach (var (name, value) in new[] { (startName, range.Start), (endName, range.End), ("First", range.First), ("Last", range.Last) })
        {
            if (value is < 0 || value > range.Max)
            {
                throw new CategoryRuleException(outOfRangeId, Messages.CategoryRuleRangeValueOutOfRange($"{path}.{name}", value.Value, range.Max), $"{path}.{name}");
            }
        }

        var hasStartEnd = range.Start is not null || range.End is not null;
        if (hasStartEnd && (range.First is not null || range.Last is not null))
        {
            throw new CategoryRuleException(E.RangeMixed, Messages.CategoryRuleRangeMixed(path, startName, endName), path);
        }

        if (hasStartEnd && (range.Start is null || range.End is null))
        {
            throw new CategoryRuleException(E.RangeIncomplete, Messages.CategoryRuleRangeIncomplete(path, startName, endName), path);
        }

        if (range is { Start: null, First: null, Last: null })
        {
            throw new CategoryRuleException(E.RangeEmpty, Messages.CategoryRuleRangeEmpty(path, startName, endName), path);
        }

        if (range.Start >= range.End)
        {
            throw new CategoryRuleException(E.RangeOrder, Messages.CategoryRuleRangeOrder(path, startName, endName), path);
        }
    }
}
