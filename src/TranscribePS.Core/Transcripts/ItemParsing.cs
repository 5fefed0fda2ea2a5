using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>One item as the file states it, before speakers, PHI and names are applied.</summary>
internal struct RawItem
{
    public TranscriptItemType Type;
    public string Content;
    public double? Confidence;
    public double? Start;
    public double? End;
    public string? Speaker;
    public string? Channel;
    public bool Redacted;
}

/// <summary>
/// A value of the wrong type or out of range; the cursor turns it into a <see cref="TranscriptFormatException"/> that
/// names the file and the item. <paramref name="place"/> says where inside the element the value is (<c>Items[3]</c>), when not at its top.
/// </summary>
internal sealed class TranscriptValueException(string message, string? place = null) : FormatException(message)
{
    public string? Place { get; } = place;
}

/// <summary>
/// Value readers shared by the schemas. The rule where the service is loose: a number may be written as a JSON number
/// or as a string holding one (<c>"0.49"</c>, as standard transcripts do); null or an empty string is an absent
/// value. Anything else of the wrong type, or a number that is not finite, is an error naming the member.
/// </summary>
internal static class JsonValues
{
    /// <summary>A finite number, written as a JSON number or a numeric string; null when null or empty.</summary>
    public static double? ReadNumber(ref Utf8JsonReader reader) => ReadNumber(ref reader, null);

    /// <inheritdoc cref="ReadNumber(ref Utf8JsonReader)"/>
    public static double? ReadNumber(ref Utf8JsonReader reader, string? member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? number
                    : throw new TranscriptValueException(Messages.TranscriptNumberOutOfRange(member, Raw(ref reader)));
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out double value, out int consumed) && consumed == reader.ValueSpan.Length && double.IsFinite(value))
                {
                    return value;
                }

                var text = reader.GetString()!;
                if (text.Length == 0)
                {
                    return null;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    throw new TranscriptValueException(Messages.TranscriptNotANumber(member, Raw(ref reader)));
                }

                return double.IsFinite(value) ? value : throw new TranscriptValueException(Messages.TranscriptNumberOutOfRange(member, Raw(ref reader)));
            case JsonTokenType.Null:
            case JsonTokenType.PropertyName:
                // PropertyName: the value lies past the end of the buffer (an element cut off, parsed again later).
                return null;
            default:
                throw new TranscriptValueException(Messages.TranscriptNotANumber(member, Raw(ref reader)));
        }
    }

    /// <summary>A time in seconds: a number (see <see cref="ReadNumber(ref Utf8JsonReader, string?)"/>) that is not negative.</summary>
    public static double? ReadSeconds(ref Utf8JsonReader reader, string member)
    {
        var seconds = ReadNumber(ref reader, member);
        return seconds is < 0 ? throw new TranscriptValueException(Messages.TranscriptTimeNegative(member, seconds.Value)) : seconds;
    }

    /// <summary>A confidence: a number from 0 to 1.</summary>
    public static double? ReadConfidence(ref Utf8JsonReader reader, string member)
    {
        var confidence = ReadNumber(ref reader, member);
        return confidence is < 0 or > 1 ? throw new TranscriptValueException(Messages.TranscriptConfidenceOutOfRange(member, confidence.Value)) : confidence;
    }

    /// <summary>The string value, or null for null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => ReadString(ref reader, null);

    /// <summary>The string value, or null for null; a number, true/false, an object or an array is an error.</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string? member) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null or JsonTokenType.PropertyName => null,
        _ => throw new TranscriptValueException(Messages.TranscriptNotText(member, Raw(ref reader))),
    };

    /// <summary>How the value is written, for a message: a scalar as in the file (cut short), a container by its kind.</summary>
    private static string Raw(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                reader.TrySkip();
                return "an object";
            case JsonTokenType.StartArray:
                reader.TrySkip();
                return "an array";
            default:
                var span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                var text = System.Text.Encoding.UTF8.GetString(span, 0, Math.Min(span.Length, 40)) + (span.Length > 40 ? "..." : string.Empty);
                return reader.TokenType == JsonTokenType.String ? $"\"{text}\"" : text;
        }
    }

    /// <summary>The string member <paramref name="name"/> of the object the reader is on; null when absent or not an object.</summary>
    public static string? ReadStringMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return null;
        }

        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name))
            {
                reader.Read();
                value = ReadString(ref reader);
            }
            else
            {
                SkipPropertyValue(ref reader);
            }
        }

        return value;
    }

    /// <summary>Moves to the value of the property the reader is on and skips it.</summary>
    public static void SkipPropertyValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.TrySkip();
    }
}

/// <summary>
/// Reuses the strings that repeat on every item (speaker and channel labels, punctuation marks), so a million-item
/// file does not allocate a million copies of <c>spk_0</c>.
/// </summary>
internal sealed class RepeatedStrings
{
    private readonly List<(byte[] Utf8, string Text)> _known = [];

    public string? Read(ref Utf8JsonReader reader, string? member = null)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return JsonValues.ReadString(ref reader, member);
        }

        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 32)
        {
            return reader.GetString();
        }

        var span = reader.ValueSpan;
        foreach (var (utf8, text) in _known)
        {
            if (span.SequenceEqual(utf8))
            {
                return text;
            }
        }

        var created = reader.GetString()!;
        if (_known.Count < 64)
        {
            _known.Add((span.ToArray(), created));
        }

        return created;
    }
}

/// <summary>Parsers for standard/medical (snake_case) and HealthScribe (PascalCase) items.</summary>
internal sealed class ItemParsers
{
    private readonly RepeatedStrings _labels = new();
    private readonly RepeatedStrings _punctuation = new();

    public ItemParsers()
    {
        Standard = ParseStandardItem;
        HealthScribe = ParseHealthScribeItem;
    }

    public JsonValueParser<RawItem> Standard { get; }

    public JsonValueParser<RawItem> HealthScribe { get; }

    /// <summary>
    /// <c>{"id"?, "start_time"?, "end_time"?, "speaker_label"?, "channel_label"?, "alternatives": [{"confidence"?,
    /// "content", "redactions"?}, …], "type"}</c>; alternatives after the first are ignored.
    /// </summary>
    private RawItem ParseStandardItem(ref Utf8JsonReader reader)
    {
        var item = new RawItem { Content = string.Empty };
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException(Messages.TranscriptItemNotAnObject);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start_time"u8))
            {
                reader.Read();
                item.Start = JsonValues.ReadSeconds(ref reader, "start_time");
            }
            else if (reader.ValueTextEquals("end_time"u8))
            {
                reader.Read();
                item.End = JsonValues.ReadSeconds(ref reader, "end_time");
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                item.Type = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("punctuation"u8)
                    ? TranscriptItemType.Punctuation
                    : TranscriptItemType.Pronunciation;
            }
            else if (reader.ValueTextEquals("speaker_label"u8))
            {
                reader.Read();
                item.Speaker = _labels.Read(ref reader, "speaker_label");
            }
            else if (reader.ValueTextEquals("channel_label"u8))
            {
                reader.Read();
                item.Channel = _labels.Read(ref reader, "channel_label");
            }
            else if (reader.ValueTextEquals("alternatives"u8))
            {
                reader.Read();
                ReadFirstAlternative(ref reader, ref item, "confidence"u8, "content"u8, "redactions"u8, snakeCase: true);
            }
            else
            {
                JsonValues.SkipPropertyValue(ref reader);
            }
        }

        return Finish(item);
    }

    /// <summary>
    /// <c>{"Alternatives": [{"Confidence", "Content"}], "BeginAudioTime", "EndAudioTime", "Type"}</c>, or
    /// <c>Confidence</c>/<c>Content</c> directly on the item; times in seconds.
    /// </summary>
    private RawItem ParseHealthScribeItem(ref Utf8JsonReader reader)
    {
        var item = new RawItem { Content = string.Empty };
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException(Messages.TranscriptItemNotAnObject);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("BeginAudioTime"u8))
            {
                reader.Read();
                item.Start = JsonValues.ReadSeconds(ref reader, "BeginAudioTime");
            }
            else if (reader.ValueTextEquals("EndAudioTime"u8))
            {
                reader.Read();
                item.End = JsonValues.ReadSeconds(ref reader, "EndAudioTime");
            }
            else if (reader.ValueTextEquals("Type"u8))
            {
                // AWS's HealthScribe examples write PRONUNCIATION/PUNCTUATION, the standard schema lower case.
                reader.Read();
                item.Type = reader.TokenType == JsonTokenType.String && (reader.ValueTextEquals("PUNCTUATION"u8) || reader.ValueTextEquals("punctuation"u8))
                    ? TranscriptItemType.Punctuation
                    : TranscriptItemType.Pronunciation;
            }
            else if (reader.ValueTextEquals("Alternatives"u8))
            {
                reader.Read();
                ReadFirstAlternative(ref reader, ref item, "Confidence"u8, "Content"u8, "Redaction"u8, snakeCase: false);
            }
            else if (reader.ValueTextEquals("Confidence"u8))
            {
                reader.Read();
                item.Confidence = JsonValues.ReadConfidence(ref reader, "Confidence");
            }
            else if (reader.ValueTextEquals("Content"u8))
            {
                reader.Read();
                item.Content = JsonValues.ReadString(ref reader, "Content") ?? string.Empty;
            }
            else
            {
                JsonValues.SkipPropertyValue(ref reader);
            }
        }

        return Finish(item);
    }

    private void ReadFirstAlternative(ref Utf8JsonReader reader, ref RawItem item, ReadOnlySpan<byte> confidenceName, ReadOnlySpan<byte> contentName, ReadOnlySpan<byte> redactionName, bool snakeCase)
    {
        var (alternatives, confidence, content) = snakeCase ? ("alternatives", "confidence", "content") : ("Alternatives", "Confidence", "Content");
        if (reader.TokenType is JsonTokenType.Null or JsonTokenType.PropertyName)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TranscriptValueException(Messages.TranscriptNotAList(alternatives));
        }

        bool first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.TrySkip();
                continue;
            }

            first = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(confidenceName))
                {
                    reader.Read();
                    item.Confidence = JsonValues.ReadConfidence(ref reader, confidence);
                }
                else if (reader.ValueTextEquals(contentName))
                {
                    reader.Read();
                    item.Content = (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 2
                        ? _punctuation.Read(ref reader)
                        : JsonValues.ReadString(ref reader, content)) ?? string.Empty;
                }
                else if (reader.ValueTextEquals(redactionName))
                {
                    reader.Read();
                    item.Redacted |= reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject;
                    reader.TrySkip();
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }
        }
    }

    private static RawItem Finish(RawItem item)
    {
        item.Redacted |= item.Content == "[PII]";
        if (item.Type == TranscriptItemType.Punctuation || item.Redacted)
        {
            // Punctuation carries "0.0" or nothing, redacted words carry redactions[] instead: neither is a confidence.
            item.Confidence = null;
        }

        if (item.Type == TranscriptItemType.Punctuation)
        {
            item.Start = null;
            item.End = null;
        }
        else if (item.Start > item.End)
        {
            throw new TranscriptValueException(Messages.TranscriptEndsBeforeStart(item.Start.Value, item.End.Value));
        }

        return item;
    }
}
