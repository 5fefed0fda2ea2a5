using System.Text.Json;
using System.Text.Json.Serialization;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Analytics;

/// <summary>
/// The call-level sections of a Call Analytics output file as the service writes them (PascalCase, milliseconds): every
/// top-level member but <c>Transcript</c>, whose turns are streamed one at a time (<see cref="CallAnalyticsStream"/>).
/// Every member is optional so that a file without categories, characteristics or a summary still loads; consumers
/// turn absences into empty values.
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

    public string? JobName { get; set; }
    public string? LanguageCode { get; set; }
    public List<CaChannelDefinition?>? ChannelDefinitions { get; set; }
    public CaCategories? Categories { get; set; }
    public CaConversationCharacteristics? ConversationCharacteristics { get; set; }
    public CaContentMetadata? ContentMetadata { get; set; }
    public CaContactSummary? ContactSummary { get; set; }

    /// <summary>A member only call analytics output has was seen (Transcript, Participants, ...).</summary>
    public bool HasCallAnalyticsMember { get; set; }

    /// <summary>Standard and medical transcripts keep everything under <c>results</c>; its presence rules the file out.</summary>
    public bool HasResults { get; set; }

    public bool LooksLikeCallAnalytics => !HasResults && HasCallAnalyticsMember;

    /// <summary>
    /// Reads the top-level member <paramref name="name"/> (the cursor is on its name) into this model, or skips it.
    /// A value of the wrong type fails with the file and the member's path named.
    /// </summary>
    public async ValueTask ReadMemberAsync(JsonCursor cursor, string name, string source, CancellationToken cancellationToken)
    {
        switch (name.ToUpperInvariant())
        {
            case "JOBNAME":
                JobName = await cursor.ReadValueAsync(Parser<string>(source, name), cancellationToken).ConfigureAwait(false);
                break;
            case "LANGUAGECODE":
                LanguageCode = await cursor.ReadValueAsync(Parser<string>(source, name), cancellationToken).ConfigureAwait(false);
                break;
            case "CHANNELDEFINITIONS":
                ChannelDefinitions = await cursor.ReadValueAsync(Parser<List<CaChannelDefinition?>>(source, name), cancellationToken).ConfigureAwait(false);
                break;
            case "CATEGORIES":
                Categories = await cursor.ReadValueAsync(Parser<CaCategories>(source, name), cancellationToken).ConfigureAwait(false);
                HasCallAnalyticsMember = true;
                break;
            case "CONVERSATIONCHARACTERISTICS":
                ConversationCharacteristics = await cursor.ReadValueAsync(Parser<CaConversationCharacteristics>(source, name), cancellationToken).ConfigureAwait(false);
                HasCallAnalyticsMember = true;
                break;
            case "CONTENTMETADATA":
                ContentMetadata = await cursor.ReadValueAsync(Parser<CaContentMetadata>(source, name), cancellationToken).ConfigureAwait(false);
                HasCallAnalyticsMember = true;
                break;
            case "CONTACTSUMMARY":
                ContactSummary = await cursor.ReadValueAsync(Parser<CaContactSummary>(source, name), cancellationToken).ConfigureAwait(false);
                break;
            case "PARTICIPANTS":
                _ = await cursor.ReadValueAsync(Parser<List<CaParticipant?>>(source, name), cancellationToken).ConfigureAwait(false);
                HasCallAnalyticsMember = true;
                break;
            case "RESULTS":
                HasResults = true;
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Deserializes one member's value; the serializer's own text names .NET types, so say it in the file's terms.</summary>
    private static JsonValueParser<T?> Parser<T>(string source, string name)
        => (ref Utf8JsonReader reader) =>
        {
            try
            {
                return JsonSerializer.Deserialize<T>(ref reader, SerializerOptions);
            }
            catch (JsonException ex)
            {
                var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? name : name + ex.Path.TrimStart('$');
                throw new TranscriptFormatException(source, Messages.CallAnalyticsValueWrongType(source, path), ex);
            }
        };

    /// <summary>The job name in the file, else the caller's fallback (usually the file name).</summary>
    public string ResolveJobName(string fallbackJobName)
        => string.IsNullOrWhiteSpace(JobName) ? fallbackJobName : JobName;

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

/// <summary>One element of <c>Transcript</c>: a turn, with its items when they were asked for.</summary>
internal sealed class CaTurn
{
    public string? ParticipantRole { get; set; }
    public long? BeginOffsetMillis { get; set; }
    public long? EndOffsetMillis { get; set; }
    /// <summary>The begin time of the first item that has one (orders a turn without its own begin time).</summary>
    public long? FirstItemBeginOffsetMillis { get; set; }
    public string? Content { get; set; }
    public string? Sentiment { get; set; }
    /// <summary>The mean of the numbers in <c>LoudnessScores</c> (nulls ignored); null when there are none.</summary>
    public double? Loudness { get; set; }
    /// <summary>Null when the items were read past (call-level reading) or the turn has none.</summary>
    public List<CaItem>? Items { get; set; }

    /// <summary>Turn-level redaction (<c>RedactedTimestamps</c>) is present and not null.</summary>
    public bool HasRedaction { get; set; }

    public List<JsonElement>? IssuesDetected { get; set; }
    public List<JsonElement>? OutcomesDetected { get; set; }
    public List<JsonElement>? ActionItemsDetected { get; set; }

    public IReadOnlyList<CaItem> ItemList => (IReadOnlyList<CaItem>?)Items ?? [];
}

internal sealed class CaItem
{
    public bool IsPunctuation { get; set; }
    public string? Content { get; set; }
    public double? Confidence { get; set; }
    public long? BeginOffsetMillis { get; set; }
    public long? EndOffsetMillis { get; set; }

    /// <summary>Present (a list of confidences) on redacted words, which carry no <c>Confidence</c>.</summary>
    public bool HasRedaction { get; set; }

    public bool IsRedacted => HasRedaction || string.Equals(Content, "[PII]", StringComparison.Ordinal);
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
