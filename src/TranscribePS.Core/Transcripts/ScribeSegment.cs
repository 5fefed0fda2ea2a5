using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// One entry of a HealthScribe transcript's <c>Conversation.TranscriptSegments</c>: a turn of one participant, with its
/// times in seconds, its role (<c>CLINICIAN_0</c>, <c>PATIENT_0</c>…) and the transcript section it belongs to.
/// </summary>
internal readonly record struct ScribeSegment(string? SegmentId, double? Begin, double? End, string? Content, string? Role, string? SectionName)
{
    /// <summary>
    /// <c>{"SegmentId", "BeginAudioTime", "EndAudioTime", "Content", "ParticipantDetails": {"ParticipantRole"},
    /// "SectionDetails": {"SectionName"}}</c>; unknown members are skipped, a non-object element gives an empty segment.
    /// Free of side effects, so it may run on an element cut off by the end of a buffer.
    /// </summary>
    public static ScribeSegment Parse(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return default;
        }

        string? id = null;
        double? begin = null;
        double? end = null;
        string? content = null;
        string? role = null;
        string? section = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("SegmentId"u8))
            {
                reader.Read();
                id = JsonValues.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("BeginAudioTime"u8))
            {
                reader.Read();
                begin = JsonValues.ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("EndAudioTime"u8))
            {
                reader.Read();
                end = JsonValues.ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("Content"u8))
            {
                reader.Read();
                content = JsonValues.ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("ParticipantDetails"u8))
            {
                reader.Read();
                role = JsonValues.ReadStringMember(ref reader, "ParticipantRole"u8) ?? role;
            }
            else if (reader.ValueTextEquals("SectionDetails"u8))
            {
                reader.Read();
                section = JsonValues.ReadStringMember(ref reader, "SectionName"u8) ?? section;
            }
            else
            {
                JsonValues.SkipPropertyValue(ref reader);
            }
        }

        return new ScribeSegment(id, begin, end, content, role, section);
    }
}
