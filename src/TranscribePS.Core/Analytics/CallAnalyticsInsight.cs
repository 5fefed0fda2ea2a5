namespace TranscribePS.Core.Analytics;

/// <summary>A stretch of a call, in seconds from its start.</summary>
public sealed record TimeRange(double Start, double End);

/// <summary>An issue, outcome or action item the service detected: the words it points at and who said them when.</summary>
public sealed record CallAnalyticsDetection
{
    public required string Text { get; init; }
    /// <summary><c>Agent</c> or <c>Customer</c>.</summary>
    public string? Participant { get; init; }
    /// <summary>Seconds: the turn that holds the text.</summary>
    public double? StartTime { get; init; }
    public double? EndTime { get; init; }
}

/// <summary>
/// One call's analytics (PSTypeName <c>TranscribePS.CallAnalyticsInsight</c>). A section missing from the file gives an
/// empty value: zero times and counts, empty lists, and null for scores, speeds and the summary (a 0 there would read as
/// a real measurement).
/// </summary>
public sealed record CallAnalyticsInsight
{
    public required string JobName { get; init; }
    /// <summary>The file path or URI the insight was read from.</summary>
    public required string SourceName { get; init; }
    public string? LanguageCode { get; init; }
    public TimeSpan Duration { get; init; }

    public TimeSpan AgentTalkTime { get; init; }
    public TimeSpan CustomerTalkTime { get; init; }
    /// <summary>Average words per minute.</summary>
    public double? AgentTalkSpeed { get; init; }
    public double? CustomerTalkSpeed { get; init; }

    public TimeSpan NonTalkTime { get; init; }
    public IReadOnlyList<TimeRange> NonTalkTimeInstances { get; init; } = [];

    public int InterruptionCount { get; init; }
    public TimeSpan InterruptionTime { get; init; }
    /// <summary>Times the agent interrupted the customer.</summary>
    public int AgentInterruptions { get; init; }
    public TimeSpan AgentInterruptionTime { get; init; }
    /// <summary>Times the customer interrupted the agent.</summary>
    public int CustomerInterruptions { get; init; }
    public TimeSpan CustomerInterruptionTime { get; init; }

    /// <summary>Overall sentiment score, −5 (negative) … +5 (positive).</summary>
    public double? AgentSentiment { get; init; }
    public double? CustomerSentiment { get; init; }
    /// <summary>Scores of the call's four quarters, in order; empty when the file has none.</summary>
    public IReadOnlyList<double> AgentSentimentByQuarter { get; init; } = [];
    public IReadOnlyList<double> CustomerSentimentByQuarter { get; init; } = [];

    /// <summary>An array so that <c>Where-Object MatchedCategories -contains 'X'</c> works.</summary>
    public string[] MatchedCategories { get; init; } = [];
    /// <summary>Category name (case-insensitive) → points of interest; a matched category may have none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> CategoryDetails { get; init; } = new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CallAnalyticsDetection> Issues { get; init; } = [];
    public IReadOnlyList<CallAnalyticsDetection> Outcomes { get; init; } = [];
    public IReadOnlyList<CallAnalyticsDetection> ActionItems { get; init; } = [];

    /// <summary>The generative call summary; null when the job did not ask for one.</summary>
    public string? Summary { get; init; }

    public bool IsRedacted { get; init; }
    /// <summary><c>ContentMetadata.Output</c> as written: <c>Redacted</c> or <c>Raw</c>; null when absent.</summary>
    public string? RedactionOutput { get; init; }
}
