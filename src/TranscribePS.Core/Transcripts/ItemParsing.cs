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

/// <summary>Value readers shared by the schemas: numbers that may be strings, strings that may be null.</summary>
internal static class JsonValues
{
    /// <summary>A number written as a JSON number or as a string (<c>"0.49"</c>, <c>"1.0000"</c>); null when absent or empty.</summary>
    public static double? ReadNumber(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out double value, out int consumed) && consumed == reader.ValueSpan.Length)
                {
                    return value;
                }

                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) ? value : null;
            default:
                reader.TrySkip();
                return null;
        }
    }

    /// <summary>The string value, or null for null or a non-string value.</summary>
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.TrySkip();
        return null;
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

    public string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.TrySkip();
            return null;
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
                item.Start = JsonValues.ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("end_time"u8))
            {
                reader.Read();
                item.End = JsonValues.ReadNumber(ref reader);
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
                item.Speaker = _labels.Read(ref reader);
            }
            else if (reader.ValueTextEquals("channel_label"u8))
            {
                reader.Read();
                item.Channel = _labels.Read(ref reader);
            }
            else if (reader.ValueTextEquals("alternatives"u8))
            {
                reader.Read();
                ReadFirstAlternative(ref reader, ref item, "confidence"u8, "content"u8, "redactions"u8);
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
                item.Start = JsonValues.ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("EndAudioTime"u8))
            {
                reader.Read();
                item.End = JsonValues.ReadNumber(ref reader);
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
                ReadFirstAlternative(ref reader, ref item, "Confidence"u8, "Content"u8, "Redaction"u8);
            }
            else if (reader.ValueTextEquals("Confidence"u8))
            {
                reader.Read();
                item.Confidence = JsonValues.ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("Content"u8))
            {
                reader.Read();
                item.Content = JsonValues.ReadString(ref reader) ?? string.Empty;
            }
            else
            {
                JsonValues.SkipPropertyValue(ref reader);
            }
        }

        return Finish(item);
    }

    private void ReadFirstAlternative(ref Utf8JsonReader reader, ref RawItem item, ReadOnlySpan<byte> confidenceName, ReadOnlySpan<byte> contentName, ReadOnlySpan<byte> redactionName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.TrySkip();
            return;
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
                    item.Confidence = JsonValues.ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals(contentName))
                {
                    reader.Read();
                    item.Content = (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 2
                        ? _punctuation.Read(ref reader)
                        : JsonValues.ReadString(ref reader)) ?? string.Empty;
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

        return item;
    }
}
