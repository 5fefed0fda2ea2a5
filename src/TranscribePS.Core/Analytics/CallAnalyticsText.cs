using System.Globalization;
using System.Text.Json;

namespace TranscribePS.Core.Analytics;

/// <summary>Helpers shared by the call analytics readers: participant names and detected-text spans.</summary>
internal static class CallAnalyticsText
{
    public const string AgentRole = "AGENT";
    public const string CustomerRole = "CUSTOMER";

    /// <summary><c>AGENT</c> → <c>Agent</c>, <c>CUSTOMER</c> → <c>Customer</c>; any other role as written.</summary>
    public static string? ParticipantName(string? role)
    {
        if (string.Equals(role, AgentRole, StringComparison.OrdinalIgnoreCase))
        {
            return "Agent";
        }

        return string.Equals(role, CustomerRole, StringComparison.OrdinalIgnoreCase) ? "Customer" : role;
    }

    /// <summary>
    /// The texts that detected issues/outcomes/action items point at. The batch output writes
    /// <c>CharacterOffsets { Begin, End }</c>; <c>CharacterSpans { BeginCharacterOffset, EndCharacterOffset }</c> (object or
    /// list) is read too. Offsets outside the content are clamped and empty spans dropped: a bad offset never fails a file.
    /// </summary>
    public static IReadOnlyList<string> Spans(string content, List<JsonElement>? detections)
    {
        if (detections is null || detections.Count == 0 || content.Length == 0)
        {
            return [];
        }

        var texts = new List<string>();
        foreach (var detection in detections)
        {
            if (detection.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var (begin, end) in Offsets(detection))
            {
                var start = Math.Clamp(begin, 0, content.Length);
                var stop = Math.Clamp(end, start, content.Length);
                var text = content[start..stop].Trim();
                if (text.Length > 0)
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }

    private static IEnumerable<(int Begin, int End)> Offsets(JsonElement detection)
    {
        foreach (var member in detection.EnumerateObject())
        {
            if (member.Name.Equals("CharacterOffsets", StringComparison.OrdinalIgnoreCase)
                || member.Name.Equals("CharacterSpans", StringComparison.OrdinalIgnoreCase))
            {
                var spans = member.Value.ValueKind == JsonValueKind.Array
                    ? member.Value.EnumerateArray().ToList()
                    : [member.Value];
                foreach (var span in spans)
                {
                    if (span.ValueKind == JsonValueKind.Object
                        && Number(span, "Begin", "BeginCharacterOffset") is { } begin
                        && Number(span, "End", "EndCharacterOffset") is { } end)
                    {
                        yield return (begin, end);
                    }
                }
            }
        }
    }

    private static int? Number(JsonElement span, string name, string alternativeName)
    {
        foreach (var member in span.EnumerateObject())
        {
            if (!member.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                && !member.Name.Equals(alternativeName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = member.Value;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                return ToOffset(number);
            }

            if (value.ValueKind == JsonValueKind.String
                && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return ToOffset(parsed);
            }
        }

        return null;
    }

    private static int ToOffset(double value)
        => double.IsNaN(value) ? 0 : (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
