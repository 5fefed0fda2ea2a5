using System.Globalization;

namespace TranscribePS.Core.Analytics;

/// <summary>A stretch of a call, in seconds from its start.</summary>
public sealed record TimeRange(double Start, double End)
{
    /// <summary><c>12.5-14</c>: what a list of ranges shows in Export-Csv.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start}-{End}");
}

/// <summary>An issue, outcome or action item the service detected: the words it points at and who said them when.</summary>
public sealed record CallAnalyticsDetection
{
    public required string Text { get; init; }
    /// <summary><c>Agent</c> or <c>Customer</c>.</summary>
    public string? Participant { get; init; }
    /// <summary>Seconds: the turn that holds the text.</summary>
    public double? StartTime { get; init; }
    public double? EndTime { get; init; }

    /// <summary>The detected words: what a list of detections shows in Export-Csv.</summary>
    public override string ToString() => Text;
}

/// <summary>
/// One call's analytics (PSTypeName <c>TranscribePS.CallAnalyticsInsight</c>). A section missing from the file gives an
/// empty value: zero times and counts, empty lists, and null for scores, speeds and the summary (a 0 there would read as
/// a real measurement).
/// </summary>
public sealed record CallAnalyticsInsight
{
    // Every list and map is held as TextList/TextMap (whatever a reader assigns), so Export-Csv writes the items.
    private readonly TextList<TimeRange> _nonTalkTimeInstances = TextList<TimeRange>.None;
    private readonly TextList<TimeRange> _agentInterruptionInstances = TextList<TimeRange>.None;
    private readonly TextList<TimeRange> _customerInterruptionInstances = TextList<TimeRange>.None;
    private readonly TextList<double> _agentSentimentByQuarter = TextList<double>.None;
    private readonly TextList<double> _customerSentimentByQuarter = TextList<double>.None;
    private readonly TextList<string> _matchedCategories = TextList<string>.None;
    private readonly TextMap<IReadOnlyList<TimeRange>> _categoryDetails = new(new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.OrdinalIgnoreCase));
    private readonly TextList<CallAnalyticsDetection> _issues = TextList<CallAnalyticsDetection>.None;
    private readonly TextList<CallAnalyticsDetection> _outcomes = TextList<CallAnalyticsDetection>.None;
    private readonly TextList<CallAnalyticsDetection> _actionItems = TextList<CallAnalyticsDetection>.None;
    private readonly TextList<Jobs.SkippedFeature> _skippedFeatures = TextList<Jobs.SkippedFeature>.None;

    public required string JobName { get; init; }
    /// <summary>The file path or URI the insight was read from.</summary>
    public required string SourceName { get; init; }
    public string? LanguageCode { get; init; }
    /// <summary>
    /// Seconds, to the millisecond, as every duration and time of this module's objects (transcript StartTime/EndTime
    /// too): Export-Csv writes <c>182.89</c> and ConvertTo-Json a number, never a TimeSpan's 15 fields. Views show m:ss.
    /// </summary>
    public double Duration { get; init; }

    public double AgentTalkTime { get; init; }
    public double CustomerTalkTime { get; init; }
    /// <summary>Average words per minute.</summary>
    public double? AgentTalkSpeed { get; init; }
    public double? CustomerTalkSpeed { get; init; }

    public double NonTalkTime { get; init; }
    public IReadOnlyList<TimeRange> NonTalkTimeInstances { get => _nonTalkTimeInstances; init => _nonTalkTimeInstances = TextList.Of(value); }

    public int InterruptionCount { get; init; }
    public double InterruptionTime { get; init; }
    /// <summary>Times the agent interrupted the customer.</summary>
    public int AgentInterruptions { get; init; }
    public double AgentInterruptionTime { get; init; }
    /// <summary>When the agent interrupted the customer.</summary>
    public IReadOnlyList<TimeRange> AgentInterruptionInstances { get => _agentInterruptionInstances; init => _agentInterruptionInstances = TextList.Of(value); }
    /// <summary>Times the customer interrupted the agent.</summary>
    public int CustomerInterruptions { get; init; }
    public double CustomerInterruptionTime { get; init; }
    /// <summary>When the customer interrupted the agent.</summary>
    public IReadOnlyList<TimeRange> CustomerInterruptionInstances { get => _customerInterruptionInstances; init => _customerInterruptionInstances = TextList.Of(value); }

    /// <summary>Overall sentiment score, −5 (negative) … +5 (positive).</summary>
    public double? AgentSentiment { get; init; }
    public double? CustomerSentiment { get; init; }
    /// <summary>Scores of the call's four quarters, in order; empty when the file has none.</summary>
    public IReadOnlyList<double> AgentSentimentByQuarter { get => _agentSentimentByQuarter; init => _agentSentimentByQuarter = TextList.Of(value); }
    public IReadOnlyList<double> CustomerSentimentByQuarter { get => _customerSentimentByQuarter; init => _customerSentimentByQuarter = TextList.Of(value); }

    /// <summary>A collection, so <c>Where-Object MatchedCategories -contains 'X'</c> works; Export-Csv writes <c>a; b</c>.</summary>
    public IReadOnlyList<string> MatchedCategories { get => _matchedCategories; init => _matchedCategories = TextList.Of(value); }
    /// <summary>Category name (case-insensitive) → points of interest; a matched category may have none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> CategoryDetails { get => _categoryDetails; init => _categoryDetails = TextList.Map(value); }

    public IReadOnlyList<CallAnalyticsDetection> Issues { get => _issues; init => _issues = TextList.Of(value); }
    public IReadOnlyList<CallAnalyticsDetection> Outcomes { get => _outcomes; init => _outcomes = TextList.Of(value); }
    public IReadOnlyList<CallAnalyticsDetection> ActionItems { get => _actionItems; init => _actionItems = TextList.Of(value); }

    /// <summary>The generative call summary; null when the job did not ask for one, or the service skipped it (see <see cref="SkippedFeatures"/>).</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// Features the job asked for that the service skipped, with its reasons. Known from the job (the output file does
    /// not carry them): empty for an insight read from a file or URI.
    /// </summary>
    public IReadOnlyList<Jobs.SkippedFeature> SkippedFeatures { get => _skippedFeatures; init => _skippedFeatures = TextList.Of(value); }

    public bool IsRedacted { get; init; }
    /// <summary><c>ContentMetadata.Output</c> as written: <c>Redacted</c> or <c>Raw</c>; null when absent.</summary>
    public string? RedactionOutput { get; init; }
}
