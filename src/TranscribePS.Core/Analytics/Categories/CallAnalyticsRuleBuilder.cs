using TranscribePS.Core.Aws.Model;
using E = TranscribePS.Core.Analytics.Categories.CategoryRuleErrorIds;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>New-CallAnalyticsRule's parameters: exactly one filter kind, an optional participant and at most one range kind.</summary>
public sealed record CallAnalyticsRuleRequest
{
    /// <summary>Exact phrases to find (TranscriptFilter).</summary>
    public IReadOnlyList<string>? TranscriptContains { get; init; }
    /// <summary>POSITIVE, NEGATIVE, NEUTRAL or MIXED (SentimentFilter; the service takes one).</summary>
    public IReadOnlyList<string>? Sentiment { get; init; }
    /// <summary>Interruptions at least this long (InterruptionFilter); zero matches any interruption.</summary>
    public TimeSpan? InterruptionThreshold { get; init; }
    /// <summary>Silences at least this long (NonTalkTimeFilter).</summary>
    public TimeSpan? NonTalkTimeThreshold { get; init; }
    /// <summary>Flag the absence of the condition instead.</summary>
    public bool Negate { get; init; }
    /// <summary>Agent or Customer (not allowed with a non-talk-time filter).</summary>
    public string? Participant { get; init; }

    public double? FirstSeconds { get; init; }
    public double? LastSeconds { get; init; }
    public double? StartSeconds { get; init; }
    public double? EndSeconds { get; init; }

    public int? FirstPercent { get; init; }
    public int? LastPercent { get; init; }
    public int? StartPercent { get; init; }
    public int? EndPercent { get; init; }
}

/// <summary>Turns <see cref="CallAnalyticsRuleRequest"/> into the service's <see cref="Rule"/>, refusing what the service would.</summary>
public static class CallAnalyticsRuleBuilder
{
    /// <summary>Builds and validates one rule; throws <see cref="CategoryRuleException"/> naming the parameter at fault.</summary>
    public static Rule Build(CallAnalyticsRuleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var kinds = new (string Parameter, bool Given)[]
            {
                ("-TranscriptContains", request.TranscriptContains is not null),
                ("-Sentiment", request.Sentiment is not null),
                ("-InterruptionThreshold", request.InterruptionThreshold is not null),
                ("-NonTalkTimeThreshold", request.NonTalkTimeThreshold is not null),
            }
            .Where(k => k.Given).Select(k => k.Parameter).ToList();
        if (kinds.Count == 0)
        {
            throw new CategoryRuleException(E.NoFilter, Messages.CategoryRuleNoFilter("The rule"));
        }

        if (kinds.Count > 1)
        {
            throw new CategoryRuleException(E.SeveralFilters, Messages.CategoryRuleSeveralFilters("The rule", kinds));
        }

        var participant = Participant(request);
        var (absolute, relative) = Ranges(request);
        var negate = request.Negate ? true : (bool?)null;

        RuleFilter filter;
        if (request.TranscriptContains is { } targets)
        {
            filter = new TranscriptFilter { Targets = [.. targets], ParticipantRole = participant, Negate = negate, AbsoluteTimeRange = absolute, RelativeTimeRange = relative };
        }
        else if (request.Sentiment is { } sentiments)
        {
            if (sentiments.Count != CategoryRuleLimits.MaxSentiments)
            {
                throw new CategoryRuleException(E.SentimentCount, Messages.CategoryRuleSentimentCount("-Sentiment", sentiments.Count));
            }

            var values = sentiments
                .Select(s => WireEnum.Parse<SentimentValue>(s) ?? throw new CategoryRuleException(
                    E.InvalidValue, Messages.CategoryRuleInvalidValue("-Sentiment", s, WireEnum.Names<SentimentValue>())))
                .ToList();
            filter = new SentimentFilter { Sentiments = values, ParticipantRole = participant, Negate = negate, AbsoluteTimeRange = absolute, RelativeTimeRange = relative };
        }
        else if (request.InterruptionThreshold is { } interruption)
        {
            filter = new InterruptionFilter { Threshold = Milliseconds("InterruptionThreshold", interruption), ParticipantRole = participant, Negate = negate, AbsoluteTimeRange = absolute, RelativeTimeRange = relative };
        }
        else
        {
            if (participant is not null)
            {
                throw new CategoryRuleException(E.ParticipantNotAllowed, Messages.CategoryRuleParticipantNotAllowed("-Participant"));
            }

            filter = new NonTalkTimeFilter { Threshold = Milliseconds("NonTalkTimeThreshold", request.NonTalkTimeThreshold!.Value), Negate = negate, AbsoluteTimeRange = absolute, RelativeTimeRange = relative };
        }

        var rule = new Rule(filter);
        CategoryRuleValidator.Validate(rule);
        return rule;
    }

    private static ParticipantRole? Participant(CallAnalyticsRuleRequest request)
    {
        if (request.Participant is null)
        {
            return null;
        }

        return WireEnum.Parse<ParticipantRole>(request.Participant)
            ?? throw new CategoryRuleException(E.InvalidValue, Messages.CategoryRuleInvalidValue("-Participant", request.Participant, ["Agent", "Customer"]));
    }

    private static (AbsoluteTimeRange? Absolute, RelativeTimeRange? Relative) Ranges(CallAnalyticsRuleRequest request)
    {
        var seconds = new[] { ("FirstSeconds", request.FirstSeconds), ("LastSeconds", request.LastSeconds), ("StartSeconds", request.StartSeconds), ("EndSeconds", request.EndSeconds) }
            .Where(p => p.Item2 is not null).Select(p => "-" + p.Item1).ToList();
        var percents = new[] { ("FirstPercent", request.FirstPercent), ("LastPercent", request.LastPercent), ("StartPercent", request.StartPercent), ("EndPercent", request.EndPercent) }
            .Where(p => p.Item2 is not null).Select(p => "-" + p.Item1).ToList();
        if (seconds.Count > 0 && percents.Count > 0)
        {
            throw new CategoryRuleException(E.RangeConflict, Messages.CategoryRuleParameterConflict([.. seconds, .. percents]));
        }

        CheckRangeShape(seconds, "Seconds");
        CheckRangeShape(percents, "Percent");

        if (seconds.Count > 0)
        {
            return (new AbsoluteTimeRange
            {
                First = SecondsToMilliseconds("FirstSeconds", request.FirstSeconds),
                Last = SecondsToMilliseconds("LastSeconds", request.LastSeconds),
                StartTime = SecondsToMilliseconds("StartSeconds", request.StartSeconds),
                EndTime = SecondsToMilliseconds("EndSeconds", request.EndSeconds),
            }, null);
        }

        return percents.Count > 0
            ? (null, new RelativeTimeRange { First = request.FirstPercent, Last = request.LastPercent, StartPercentage = request.StartPercent, EndPercentage = request.EndPercent })
            : (null, null);
    }

    /// <summary>A window is Start with End, or First and/or Last; never a mix, never half a window.</summary>
    private static void CheckRangeShape(List<string> given, string unit)
    {
        var window = given.Where(p => p.StartsWith("-Start", StringComparison.Ordinal) || p.StartsWith("-End", StringComparison.Ordinal)).ToList();
        if (window.Count > 0 && window.Count < given.Count)
        {
            throw new CategoryRuleException(E.RangeMixed, Messages.CategoryRuleParameterConflict(given));
        }

        if (window.Count == 1)
        {
            var missing = window[0].StartsWith("-Start", StringComparison.Ordinal) ? "-End" + unit : "-Start" + unit;
            throw new CategoryRuleException(E.RangeIncomplete, Messages.CategoryRuleParameterMissing(window[0], missing));
        }
    }

    private static long? SecondsToMilliseconds(string parameter, double? seconds)
    {
        if (seconds is not { } value)
        {
            return null;
        }

        var milliseconds = Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (double.IsNaN(milliseconds) || milliseconds < 0 || milliseconds > CategoryRuleLimits.MaxMilliseconds)
        {
            throw new CategoryRuleException(E.TimeOutOfRange, Messages.CategoryRuleSecondsInvalid(parameter, value));
        }

        return (long)milliseconds;
    }

    private static long Milliseconds(string parameter, TimeSpan duration)
    {
        var milliseconds = Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
        if (milliseconds < 0 || milliseconds > CategoryRuleLimits.MaxMilliseconds)
        {
            throw new CategoryRuleException(E.ThresholdOutOfRange, Messages.CategoryRuleDurationInvalid(parameter, duration));
        }

        return (long)milliseconds;
    }
}
