using System.Globalization;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Core.Analytics.Categories;

/// <summary>
/// The filters and time ranges of a <see cref="CallAnalyticsRule"/> as PowerShell shows and exports them: the API's
/// member names, every enum value as the API's string (<c>CUSTOMER</c>, <c>NEGATIVE</c>), so <c>ConvertTo-Json</c> writes
/// the API's JSON (no enum numbers) and <c>ConvertFrom-Json</c> of it pipes back into New-CallAnalyticsCategory.
/// <see cref="object.ToString"/> reads as a phrase (<c>first 30 s</c>), which is what Format-List and Export-Csv show.
/// </summary>
public sealed record CallAnalyticsAbsoluteTimeRange
{
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public long? First { get; init; }
    public long? Last { get; init; }

    internal static CallAnalyticsAbsoluteTimeRange? From(AbsoluteTimeRange? range) => range is null ? null : new()
    {
        StartTime = range.StartTime,
        EndTime = range.EndTime,
        First = range.First,
        Last = range.Last,
    };

    public override string ToString() => Messages.RuleAbsoluteWindow(StartTime, EndTime, First, Last);
}

/// <summary>A window in percent of the call; see <see cref="CallAnalyticsAbsoluteTimeRange"/>.</summary>
public sealed record CallAnalyticsRelativeTimeRange
{
    public int? StartPercentage { get; init; }
    public int? EndPercentage { get; init; }
    public int? First { get; init; }
    public int? Last { get; init; }

    internal static CallAnalyticsRelativeTimeRange? From(RelativeTimeRange? range) => range is null ? null : new()
    {
        StartPercentage = range.StartPercentage,
        EndPercentage = range.EndPercentage,
        First = range.First,
        Last = range.Last,
    };

    public override string ToString() => Messages.RuleRelativeWindow(StartPercentage, EndPercentage, First, Last);
}

/// <summary>What the four filters share: the window they look in and whether they flag the absence of the condition.</summary>
public abstract record CallAnalyticsFilter
{
    private protected CallAnalyticsFilter(RuleFilter filter)
    {
        AbsoluteTimeRange = CallAnalyticsAbsoluteTimeRange.From(filter.AbsoluteTimeRange);
        RelativeTimeRange = CallAnalyticsRelativeTimeRange.From(filter.RelativeTimeRange);
        Negate = filter.Negate;
    }

    public CallAnalyticsAbsoluteTimeRange? AbsoluteTimeRange { get; }
    public CallAnalyticsRelativeTimeRange? RelativeTimeRange { get; }
    public bool? Negate { get; }

    /// <summary>The window as a phrase (<c>in the last 25%</c>); empty for the whole call.</summary>
    internal string Window => (AbsoluteTimeRange?.ToString() ?? RelativeTimeRange?.ToString()) is { Length: > 0 } window ? " " + window : string.Empty;

    internal bool Negated => Negate == true;

    internal static CallAnalyticsFilter From(RuleFilter filter) => filter switch
    {
        TranscriptFilter transcript => new CallAnalyticsTranscriptFilter(transcript),
        SentimentFilter sentiment => new CallAnalyticsSentimentFilter(sentiment),
        InterruptionFilter interruption => new CallAnalyticsInterruptionFilter(interruption),
        NonTalkTimeFilter nonTalk => new CallAnalyticsNonTalkTimeFilter(nonTalk),
        _ => throw new ArgumentException($"Unknown rule filter {filter.GetType().Name}.", nameof(filter)),
    };
}

/// <summary>The API's TranscriptFilter: exact phrases spoken (or, negated, not spoken).</summary>
public sealed record CallAnalyticsTranscriptFilter : CallAnalyticsFilter
{
    internal CallAnalyticsTranscriptFilter(TranscriptFilter filter)
        : base(filter)
    {
        TranscriptFilterType = WireEnum.Wire(filter.TranscriptFilterType);
        ParticipantRole = filter.ParticipantRole is { } role ? WireEnum.Wire(role) : null;
        Targets = TextList.Of(filter.Targets);
    }

    /// <summary>EXACT, the only type the service has.</summary>
    public string TranscriptFilterType { get; }
    /// <summary>AGENT or CUSTOMER; null for either.</summary>
    public string? ParticipantRole { get; }
    public IReadOnlyList<string> Targets { get; }

    public override string ToString() => Messages.RuleTranscript(ParticipantRole, Targets, Negated) + Window;
}

/// <summary>The API's SentimentFilter.</summary>
public sealed record CallAnalyticsSentimentFilter : CallAnalyticsFilter
{
    internal CallAnalyticsSentimentFilter(SentimentFilter filter)
        : base(filter)
    {
        Sentiments = TextList.Of(filter.Sentiments.Select(s => WireEnum.Wire(s)));
        ParticipantRole = filter.ParticipantRole is { } role ? WireEnum.Wire(role) : null;
    }

    /// <summary>POSITIVE, NEGATIVE, NEUTRAL or MIXED (the service takes one).</summary>
    public IReadOnlyList<string> Sentiments { get; }
    public string? ParticipantRole { get; }

    public override string ToString() => Messages.RuleSentiment(ParticipantRole, Sentiments, Negated) + Window;
}

/// <summary>The API's InterruptionFilter: interruptions at least <see cref="Threshold"/> ms long.</summary>
public sealed record CallAnalyticsInterruptionFilter : CallAnalyticsFilter
{
    internal CallAnalyticsInterruptionFilter(InterruptionFilter filter)
        : base(filter)
    {
        Threshold = filter.Threshold;
        ParticipantRole = filter.ParticipantRole is { } role ? WireEnum.Wire(role) : null;
    }

    /// <summary>Milliseconds, as the API has it.</summary>
    public long? Threshold { get; }
    public string? ParticipantRole { get; }

    public override string ToString() => Messages.RuleInterruption(ParticipantRole, Threshold, Negated) + Window;
}

/// <summary>The API's NonTalkTimeFilter: silences at least <see cref="Threshold"/> ms long.</summary>
public sealed record CallAnalyticsNonTalkTimeFilter : CallAnalyticsFilter
{
    internal CallAnalyticsNonTalkTimeFilter(NonTalkTimeFilter filter)
        : base(filter)
    {
        Threshold = filter.Threshold;
    }

    /// <summary>Milliseconds, as the API has it.</summary>
    public long? Threshold { get; }

    public override string ToString() => Messages.RuleNonTalkTime(Threshold, Negated) + Window;
}

/// <summary>Milliseconds as people read them in a rule: <c>30 s</c>, <c>1.5 s</c>, <c>250 ms</c>.</summary>
internal static class RuleDurations
{
    public static string Text(long milliseconds)
        => milliseconds < 1000 && milliseconds != 0
            ? milliseconds.ToString(CultureInfo.InvariantCulture) + " ms"
            : (milliseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
