using System.Text.Json;
using System.Text.Json.Serialization;

namespace TranscribePS.Core.Aws.Model;

/// <summary>Which call a category applies to; batch jobs only use <see cref="PostCall"/>.</summary>
public enum InputType
{
    [WireValue("POST_CALL")] PostCall,
    [WireValue("REAL_TIME")] RealTime,
}

public enum ParticipantRole
{
    [WireValue("AGENT")] Agent,
    [WireValue("CUSTOMER")] Customer,
}

public enum SentimentValue
{
    [WireValue("POSITIVE")] Positive,
    [WireValue("NEGATIVE")] Negative,
    [WireValue("NEUTRAL")] Neutral,
    [WireValue("MIXED")] Mixed,
}

public enum TranscriptFilterType
{
    [WireValue("EXACT")] Exact,
}

/// <summary>A window in milliseconds: either StartTime/EndTime, or First (the first N ms), or Last (the last N ms).</summary>
public sealed record AbsoluteTimeRange
{
    public long? StartTime { get; init; }
    public long? EndTime { get; init; }
    public long? First { get; init; }
    public long? Last { get; init; }
}

/// <summary>A window in percent of the call: either StartPercentage/EndPercentage, or First, or Last.</summary>
public sealed record RelativeTimeRange
{
    public int? StartPercentage { get; init; }
    public int? EndPercentage { get; init; }
    public int? First { get; init; }
    public int? Last { get; init; }
}

/// <summary>The condition inside a <see cref="Rule"/>: one of the four filter records below.</summary>
public abstract record RuleFilter
{
    private protected RuleFilter()
    {
    }

    public AbsoluteTimeRange? AbsoluteTimeRange { get; init; }
    public RelativeTimeRange? RelativeTimeRange { get; init; }

    /// <summary>True flags the absence of the condition.</summary>
    public bool? Negate { get; init; }
}

/// <summary>Matches when the exact phrases in <see cref="Targets"/> are (or, negated, are not) spoken.</summary>
public sealed record TranscriptFilter : RuleFilter
{
    public TranscriptFilterType TranscriptFilterType { get; init; } = TranscriptFilterType.Exact;
    public ParticipantRole? ParticipantRole { get; init; }
    public required IReadOnlyList<string> Targets { get; init; }
}

/// <summary>Matches a sentiment; the service accepts exactly one value in <see cref="Sentiments"/>.</summary>
public sealed record SentimentFilter : RuleFilter
{
    public required IReadOnlyList<SentimentValue> Sentiments { get; init; }
    public ParticipantRole? ParticipantRole { get; init; }
}

/// <summary>Matches interruptions by <see cref="ParticipantRole"/> lasting at least <see cref="Threshold"/> ms.</summary>
public sealed record InterruptionFilter : RuleFilter
{
    public long? Threshold { get; init; }
    public ParticipantRole? ParticipantRole { get; init; }
}

/// <summary>Matches silence lasting at least <see cref="Threshold"/> ms.</summary>
public sealed record NonTalkTimeFilter : RuleFilter
{
    public long? Threshold { get; init; }
}

/// <summary>
/// One category rule. The wire shape is a union (<c>{"TranscriptFilter": {...}}</c>, exactly one member set);
/// holding a single <see cref="RuleFilter"/> makes "exactly one" true by construction.
/// </summary>
[JsonConverter(typeof(RuleConverter))]
public sealed record Rule(RuleFilter Filter)
{
    public RuleFilter Filter { get; } = Filter ?? throw new ArgumentNullException(nameof(Filter));
}

/// <summary>A Call Analytics category as Get/List/Create/Update return it.</summary>
public sealed record CategoryProperties
{
    public string? CategoryName { get; init; }
    public IReadOnlyList<Rule>? Rules { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? LastUpdateTime { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public InputType? InputType { get; init; }
}

internal sealed class RuleConverter : JsonConverter<Rule>
{
    public override Rule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A category rule must be a JSON object.");
        }

        RuleFilter? filter = null;
        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            RuleFilter? parsed = member.Name switch
            {
                nameof(TranscriptFilter) => member.Value.Deserialize<TranscriptFilter>(options),
                nameof(SentimentFilter) => member.Value.Deserialize<SentimentFilter>(options),
                nameof(InterruptionFilter) => member.Value.Deserialize<InterruptionFilter>(options),
                nameof(NonTalkTimeFilter) => member.Value.Deserialize<NonTalkTimeFilter>(options),
                _ => null,
            };
            if (parsed is null)
            {
                continue;
            }

            if (filter is not null)
            {
                throw new JsonException("A category rule holds more than one filter.");
            }

            filter = parsed;
        }

        return new Rule(filter ?? throw new JsonException("A category rule holds no known filter."));
    }

    public override void Write(Utf8JsonWriter writer, Rule value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Filter switch
        {
            TranscriptFilter => nameof(TranscriptFilter),
            SentimentFilter => nameof(SentimentFilter),
            InterruptionFilter => nameof(InterruptionFilter),
            NonTalkTimeFilter => nameof(NonTalkTimeFilter),
            _ => throw new JsonException($"Unknown rule filter {value.Filter.GetType().Name}."),
        });
        JsonSerializer.Serialize(writer, value.Filter, value.Filter.GetType(), options);
        writer.WriteEndObject();
    }
}
