using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Analytics;

/// <summary>
/// The Call Analytics output file as the service writes it (PascalCase, milliseconds). Every member is optional so that
/// a file without categories, characteristics or a summary still loads; consumers turn absences into empty values.
/// </summary>
internal sealed class CallAnalyticsDocument
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        // Hand-edited or re-serialised files sometimes carry numbers as strings; accept them rather than fail the file.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// The same reading without each turn's items and loudness scores, which the call-level figures never use: the
    /// serializer skips those arrays instead of building tens of thousands of objects (Get-CallAnalyticsInsight).
    /// </summary>
    private static readonly JsonSerializerOptions CallLevelOptions = new(SerializerOptions)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Type == typeof(CaTurn))
                    {
                        foreach (var property in info.Properties.Where(p => p.Name is nameof(CaTurn.Items) or nameof(CaTurn.LoudnessScores)).ToList())
                        {
                            info.Properties.Remove(property);
                        }
                    }
                },
            },
        },
    };

    public string? JobName { get; set; }
    public string? JobStatus { get; set; }
    public string? LanguageCode { get; set; }
    public List<CaTurn?>? Transcript { get; set; }
    public List<CaParticipant?>? Participants { get; set; }
    public List<CaChannelDefinition?>? ChannelDefinitions { get; set; }
    public CaCategories? Categories { get; set; }
    public CaConversationCharacteristics? ConversationCharacteristics { get; set; }
    public CaContentMetadata? ContentMetadata { get; set; }
    public CaContactSummary? ContactSummary { get; set; }

    /// <summary>Standard and medical transcripts keep everything under <c>results</c>; its presence rules the file out.</summary>
    [JsonPropertyName("results")]
    public JsonElement? Results { get; set; }

    private bool LooksLikeCallAnalytics =>
        Results is null
        && (Transcript is not null || ConversationCharacteristics is not null || Categories is not null
            || Participants is not null || ContentMetadata is not null);

    /// <summary>Reads the whole file once into this model; a file of another kind fails with the file named.</summary>
    /// <param name="callLevelOnly">Leave out each turn's items and loudness scores (read past, not kept or checked).</param>
    public static async Task<CallAnalyticsDocument> LoadAsync(Stream utf8Json, string sourceName, CancellationToken cancellationToken, bool callLevelOnly = false)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);

        CallAnalyticsDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<CallAnalyticsDocument>(utf8Json, callLevelOnly ? CallLevelOptions : SerializerOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // The serializer's own text names .NET types (System.Nullable`1[System.Int64]); say it in the file's terms.
            var line = (ex.LineNumber ?? 0) + 1;
            // A reader failure (cut short, not JSON) arrives wrapped with the path it reached: not a wrong type.
            var message = ex.GetType() == typeof(JsonException) && ex.InnerException is not JsonException && !string.IsNullOrEmpty(ex.Path) && ex.Path != "$"
                ? Messages.CallAnalyticsValueWrongType(sourceName, ex.Path.TrimStart('$', '.'), line)
                : Messages.CallAnalyticsNotWellFormed(sourceName, line);
            throw new TranscriptFormatException(sourceName, message, ex);
        }

        if (document is null || !document.LooksLikeCallAnalytics)
        {
            throw new TranscriptFormatException(sourceName, Messages.NotCallAnalyticsFile(sourceName));
        }

        document.CheckRanges(sourceName);
        return document;
    }

    /// <summary>Times not negative and not ending before they start, confidences from 0 to 1: the error names the turn and item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRanges(string sourceName)
    {
        for (int t = 0; t < (Transcript?.Count ?? 0); t++)
        {
            if (Transcript![t] is not { } turn)
            {
                continue;
            }

            Check(t, -1, turn.BeginOffsetMillis, turn.EndOffsetMillis, null);
            for (int i = 0; i < (turn.Items?.Count ?? 0); i++)
            {
                if (turn.Items![i] is { } item)
                {
                    Check(t, i, item.BeginOffsetMillis, item.EndOffsetMillis, item.Confidence);
                }
            }
        }

        // The place is put into words only for a value that is wrong (this runs for every item of the call).
        void Check(int turn, int item, long? begin, long? end, double? confidence)
        {
            var problem = begin < 0 ? Messages.TranscriptTimeNegative("BeginOffsetMillis", begin.Value)
                : end < 0 ? Messages.TranscriptTimeNegative("EndOffsetMillis", end.Value)
                : begin > end ? Messages.TranscriptEndsBeforeStart(begin.Value / 1000.0, end.Value / 1000.0)
                : confidence is < 0 or > 1 || confidence is { } c && !double.IsFinite(c) ? Messages.TranscriptConfidenceOutOfRange("Confidence", confidence!.Value)
                : null;
            if (problem is not null)
            {
                var where = item < 0 ? $"Transcript[{turn}]" : $"Transcript[{turn}].Items[{item}]";
                throw new TranscriptFormatException(sourceName, Messages.CallAnalyticsValueOutOfRange(sourceName, where, problem));
            }
        }
    }

    /// <summary>The job name in the file, else the caller's fallback (usually the file name).</summary>
    public string ResolveJobName(string fallbackJobName)
        => string.IsNullOrWhiteSpace(JobName) ? fallbackJobName : JobName;

    /// <summary>Turns in the file's order, nulls dropped.</summary>
    public IEnumerable<CaTurn> Turns => Transcript?.OfType<CaTurn>() ?? [];

    /// <summary>Looks a role-keyed map up by role, ignoring case (the service writes AGENT/CUSTOMER).</summary>
    public static TValue? ByRole<TValue>(Dictionary<string, TValue>? map, string role)
    {
        if (map is null)
        {
            return default;
        }

        if (map.TryGetValue(role, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in map)
        {
            if (string.Equals(key, role, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return default;
    }
}

internal sealed class CaTurn
{
    public string? Id { get; set; }
    public string? ParticipantRole { get; set; }
    public long? BeginOffsetMillis { get; set; }
    public long? EndOffsetMillis { get; set; }
    public string? Content { get; set; }
    public string? Sentiment { get; set; }
    public List<double?>? LoudnessScores { get; set; }
    public List<CaItem?>? Items { get; set; }

    /// <summary>Turn-level redaction (<c>RedactedTimestamps</c>); only its presence matters here.</summary>
    public JsonElement? Redaction { get; set; }

    public List<JsonElement>? IssuesDetected { get; set; }
    public List<JsonElement>? OutcomesDetected { get; set; }
    public List<JsonElement>? ActionItemsDetected { get; set; }

    public IEnumerable<CaItem> ItemList => Items?.OfType<CaItem>() ?? [];
}

internal sealed class CaItem
{
    public string? Type { get; set; }
    public string? Content { get; set; }
    public double? Confidence { get; set; }
    public long? BeginOffsetMillis { get; set; }
    public long? EndOffsetMillis { get; set; }

    /// <summary>Present (a list of confidences) on redacted words, which carry no <c>Confidence</c>.</summary>
    public JsonElement? Redaction { get; set; }

    public bool IsPunctuation => string.Equals(Type, "punctuation", StringComparison.OrdinalIgnoreCase);

    public bool IsRedacted =>
        (Redaction is { } redaction && redaction.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
        || string.Equals(Content, "[PII]", StringComparison.Ordinal);
}

internal sealed class CaParticipant
{
    public string? ParticipantRole { get; set; }
}

internal sealed class CaChannelDefinition
{
    public int? ChannelId { get; set; }
    public string? ParticipantRole { get; set; }
}

internal sealed class CaCategories
{
    public List<string?>? MatchedCategories { get; set; }
    public Dictionary<string, CaCategoryMatch?>? MatchedDetails { get; set; }
}

internal sealed class CaCategoryMatch
{
    public List<CaSpan?>? PointsOfInterest { get; set; }
}

/// <summary>A stretch of the call in milliseconds (points of interest, non-talk instances, interruptions, quarters).</summary>
internal sealed class CaSpan
{
    public long? BeginOffsetMillis { get; set; }
    public long? EndOffsetMillis { get; set; }
    public long? DurationMillis { get; set; }
    public double? Score { get; set; }

    public long Duration => DurationMillis ?? Math.Max(0, (EndOffsetMillis ?? 0) - (BeginOffsetMillis ?? 0));
}

internal sealed class CaConversationCharacteristics
{
    public long? TotalConversationDurationMillis { get; set; }
    public CaNonTalkTime? NonTalkTime { get; set; }
    public CaInterruptions? Interruptions { get; set; }
    public CaTalkTime? TalkTime { get; set; }
    public CaTalkSpeed? TalkSpeed { get; set; }
    public CaSentiment? Sentiment { get; set; }
}

internal sealed class CaNonTalkTime
{
    public long? TotalTimeMillis { get; set; }
    public List<CaSpan?>? Instances { get; set; }
}

internal sealed class CaInterruptions
{
    public int? TotalCount { get; set; }
    public long? TotalTimeMillis { get; set; }
    public Dictionary<string, List<CaSpan?>?>? InterruptionsByInterrupter { get; set; }
}

internal sealed class CaTalkTime
{
    public long? TotalTimeMillis { get; set; }
    public Dictionary<string, CaParticipantTime?>? DetailsByParticipant { get; set; }
}

internal sealed class CaParticipantTime
{
    public long? TotalTimeMillis { get; set; }
}

internal sealed class CaTalkSpeed
{
    public Dictionary<string, CaParticipantSpeed?>? DetailsByParticipant { get; set; }
}

internal sealed class CaParticipantSpeed
{
    public double? AverageWordsPerMinute { get; set; }
}

internal sealed class CaSentiment
{
    public Dictionary<string, double?>? OverallSentiment { get; set; }
    public Dictionary<string, Dictionary<string, List<CaSpan?>?>?>? SentimentByPeriod { get; set; }
}

internal sealed class CaContentMetadata
{
    public string? Output { get; set; }
    public List<string?>? RedactionTypes { get; set; }
}

internal sealed class CaContactSummary
{
    public CaAutoGeneratedSummary? AutoGenerated { get; set; }
}

internal sealed class CaAutoGeneratedSummary
{
    public CaSummaryContent? OverallSummary { get; set; }
}

internal sealed class CaSummaryContent
{
    public string? Content { get; set; }
}
