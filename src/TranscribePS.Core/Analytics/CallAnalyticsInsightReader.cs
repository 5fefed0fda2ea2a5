using TranscribePS.Core.Transcripts;
using static TranscribePS.Core.Analytics.CallAnalyticsText;

namespace TranscribePS.Core.Analytics;

/// <summary>Reads the call-level sections of a Call Analytics output file into one <see cref="CallAnalyticsInsight"/>.</summary>
public static class CallAnalyticsInsightReader
{
    /// <summary>Reads the file once, a turn at a time (each turn's items are read past: the insight never uses them); throws <see cref="TranscriptFormatException"/> naming <paramref name="sourceName"/>
    /// when it is not call analytics output.</summary>
    public static Task<CallAnalyticsInsight> ReadAsync(Stream utf8Json, string sourceName, CancellationToken cancellationToken)
        => ReadAsync(utf8Json, sourceName, null, cancellationToken);

    /// <summary>Reads the output of <paramref name="job"/> (null for a file or URI given directly): the insight also carries the features the service skipped.</summary>
    public static async Task<CallAnalyticsInsight> ReadAsync(Stream utf8Json, string sourceName, Jobs.TranscriptionJob? job, CancellationToken cancellationToken)
    {
        // Only the turns' detections are kept (with their time key), not the turns: memory stays flat as the call grows.
        var detections = new Detections();
        var document = await CallAnalyticsStream.ReadCallLevelAsync(utf8Json, sourceName, detections.Add, cancellationToken).ConfigureAwait(false);
        var insight = FromDocument(document, detections, sourceName);
        return job is { SkippedFeatures.Count: > 0 } ? insight with { SkippedFeatures = job.SkippedFeatures } : insight;
    }

    /// <summary>
    /// The insight when <paramref name="utf8Json"/> is call analytics output, else null (the file is only looked at
    /// as far as its first members): for exports that add the call's figures when there are any.
    /// </summary>
    public static async Task<CallAnalyticsInsight?> ReadIfCallAnalyticsAsync(Stream utf8Json, string sourceName, CancellationToken cancellationToken)
    {
        var (schema, replay) = await TranscriptSchemaDetector.DetectAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        return schema == TranscriptSchema.CallAnalytics ? await ReadAsync(replay, sourceName, cancellationToken).ConfigureAwait(false) : null;
    }

    internal static CallAnalyticsInsight FromDocument(CallAnalyticsDocument document, Detections detections, string sourceName)
    {
        var characteristics = document.ConversationCharacteristics;
        var talkTime = characteristics?.TalkTime?.DetailsByParticipant;
        var talkSpeed = characteristics?.TalkSpeed?.DetailsByParticipant;
        var interruptions = characteristics?.Interruptions;
        var byInterrupter = interruptions?.InterruptionsByInterrupter;
        var agentInterruptions = Spans(CallAnalyticsDocument.ByRole(byInterrupter, AgentRole));
        var customerInterruptions = Spans(CallAnalyticsDocument.ByRole(byInterrupter, CustomerRole));
        var allInterruptions = byInterrupter?.Values.SelectMany(Spans).ToList() ?? [];
        var sentiment = characteristics?.Sentiment;
        var quarters = CallAnalyticsDocument.ByRole(sentiment?.SentimentByPeriod, "QUARTER");
        var nonTalk = characteristics?.NonTalkTime;
        var output = document.ContentMetadata?.Output;

        return new CallAnalyticsInsight
        {
            JobName = document.ResolveJobName(FallbackJobName(sourceName)),
            SourceName = sourceName,
            LanguageCode = document.LanguageCode,
            Duration = Millis(characteristics?.TotalConversationDurationMillis),
            AgentTalkTime = Millis(CallAnalyticsDocument.ByRole(talkTime, AgentRole)?.TotalTimeMillis),
            CustomerTalkTime = Millis(CallAnalyticsDocument.ByRole(talkTime, CustomerRole)?.TotalTimeMillis),
            AgentTalkSpeed = CallAnalyticsDocument.ByRole(talkSpeed, AgentRole)?.AverageWordsPerMinute,
            CustomerTalkSpeed = CallAnalyticsDocument.ByRole(talkSpeed, CustomerRole)?.AverageWordsPerMinute,
            NonTalkTime = Millis(nonTalk?.TotalTimeMillis ?? Spans(nonTalk?.Instances).Sum(s => s.Duration)),
            NonTalkTimeInstances = Ranges(nonTalk?.Instances),
            InterruptionCount = interruptions?.TotalCount ?? allInterruptions.Count,
            InterruptionTime = Millis(interruptions?.TotalTimeMillis ?? allInterruptions.Sum(s => s.Duration)),
            AgentInterruptions = agentInterruptions.Count,
            AgentInterruptionTime = Millis(agentInterruptions.Sum(s => s.Duration)),
            AgentInterruptionInstances = Ranges(CallAnalyticsDocument.ByRole(byInterrupter, AgentRole)),
            CustomerInterruptions = customerInterruptions.Count,
            CustomerInterruptionTime = Millis(customerInterruptions.Sum(s => s.Duration)),
            CustomerInterruptionInstances = Ranges(CallAnalyticsDocument.ByRole(byInterrupter, CustomerRole)),
            AgentSentiment = CallAnalyticsDocument.ByRole(sentiment?.OverallSentiment, AgentRole),
            CustomerSentiment = CallAnalyticsDocument.ByRole(sentiment?.OverallSentiment, CustomerRole),
            AgentSentimentByQuarter = Scores(CallAnalyticsDocument.ByRole(quarters, AgentRole)),
            CustomerSentimentByQuarter = Scores(CallAnalyticsDocument.ByRole(quarters, CustomerRole)),
            MatchedCategories = MatchedCategories(document.Categories),
            CategoryDetails = CategoryDetails(document.Categories),
            Issues = detections.Issues.InTimeOrder(),
            Outcomes = detections.Outcomes.InTimeOrder(),
            ActionItems = detections.ActionItems.InTimeOrder(),
            Summary = document.ContactSummary?.AutoGenerated?.OverallSummary?.Content,
            IsRedacted = string.Equals(output, "Redacted", StringComparison.OrdinalIgnoreCase),
            RedactionOutput = output,
        };
    }

    /// <summary>The last path or URI segment without <c>.json</c>: what a job's output file is named after.</summary>
    private static string FallbackJobName(string sourceName)
    {
        var name = sourceName.TrimEnd('/', '\\');
        var slash = name.LastIndexOfAny(['/', '\\']);
        name = slash >= 0 ? name[(slash + 1)..] : name;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
    }

    /// <summary>The issues, outcomes and action items of the turns, each with its turn's time key and file position.</summary>
    internal sealed class Detections
    {
        private int _turn;

        public Found Issues { get; } = new();
        public Found Outcomes { get; } = new();
        public Found ActionItems { get; } = new();

        public void Add(CaTurn turn, long key)
        {
            var position = _turn++;
            if (turn.IssuesDetected is null && turn.OutcomesDetected is null && turn.ActionItemsDetected is null)
            {
                return;
            }

            var content = turn.Content ?? string.Empty;
            Issues.Add(key, position, turn, CallAnalyticsText.Spans(content, turn.IssuesDetected));
            Outcomes.Add(key, position, turn, CallAnalyticsText.Spans(content, turn.OutcomesDetected));
            ActionItems.Add(key, position, turn, CallAnalyticsText.Spans(content, turn.ActionItemsDetected));
        }

        public sealed class Found
        {
            private readonly List<(long Key, int Turn, int Order, CallAnalyticsDetection Detection)> _found = [];

            public void Add(long key, int position, CaTurn turn, IReadOnlyList<string> texts)
            {
                foreach (var text in texts)
                {
                    _found.Add((key, position, _found.Count, new CallAnalyticsDetection
                    {
                        Text = text,
                        Participant = ParticipantName(turn.ParticipantRole),
                        StartTime = CallAnalyticsReader.Seconds(turn.BeginOffsetMillis),
                        EndTime = CallAnalyticsReader.Seconds(turn.EndOffsetMillis),
                    }));
                }
            }

            /// <summary>By the turns' time order (stable: equal times keep file order), each turn's own order kept.</summary>
            public List<CallAnalyticsDetection> InTimeOrder()
                => _found.OrderBy(f => f.Key).ThenBy(f => f.Turn).ThenBy(f => f.Order).Select(f => f.Detection).ToList();
        }
    }

    private static string[] MatchedCategories(CaCategories? categories)
        => categories?.MatchedCategories?.OfType<string>().Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    private static Dictionary<string, IReadOnlyList<TimeRange>> CategoryDetails(CaCategories? categories)
    {
        var details = new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, match) in categories?.MatchedDetails ?? [])
        {
            details[name] = Ranges(match?.PointsOfInterest);
        }

        foreach (var name in MatchedCategories(categories))
        {
            details.TryAdd(name, []);
        }

        return details;
    }

    private static List<CaSpan> Spans(List<CaSpan?>? spans) => spans?.OfType<CaSpan>().ToList() ?? [];

    private static List<TimeRange> Ranges(List<CaSpan?>? spans)
        => Spans(spans)
            .Select(s => new TimeRange((s.BeginOffsetMillis ?? 0) / 1000.0, (s.EndOffsetMillis ?? (s.BeginOffsetMillis ?? 0) + s.Duration) / 1000.0))
            .OrderBy(r => r.Start)
            .ToList();

    private static List<double> Scores(List<CaSpan?>? periods)
        => Spans(periods).Where(s => s.Score is not null).OrderBy(s => s.BeginOffsetMillis ?? 0).Select(s => s.Score!.Value).ToList();

    /// <summary>Milliseconds as seconds: a whole number divided by 1000.0 prints as written (182890 ms is 182.89).</summary>
    private static double Millis(long? milliseconds) => (milliseconds ?? 0) / 1000.0;
}
