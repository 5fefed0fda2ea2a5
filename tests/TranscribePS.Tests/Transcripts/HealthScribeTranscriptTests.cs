using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

public class HealthScribeTranscriptTests
{
    private const string Items = "\"TranscriptItems\":["
        + "{\"Alternatives\":[{\"Confidence\":0.99,\"Content\":\"How\"}],\"BeginAudioTime\":0.5,\"EndAudioTime\":0.7,\"Type\":\"pronunciation\"},"
        + "{\"Alternatives\":[{\"Confidence\":0.98,\"Content\":\"are\"}],\"BeginAudioTime\":0.7,\"EndAudioTime\":0.8,\"Type\":\"pronunciation\"},"
        + "{\"Alternatives\":[{\"Confidence\":0.97,\"Content\":\"you\"}],\"BeginAudioTime\":0.8,\"EndAudioTime\":1.0,\"Type\":\"pronunciation\"},"
        + "{\"Alternatives\":[{\"Confidence\":0,\"Content\":\"?\"}],\"BeginAudioTime\":1.0,\"EndAudioTime\":1.0,\"Type\":\"punctuation\"},"
        + "{\"Confidence\":0.95,\"Content\":\"Fine\",\"BeginAudioTime\":1.6,\"EndAudioTime\":2.0,\"Type\":\"pronunciation\"},"
        + "{\"Confidence\":0,\"Content\":\".\",\"Type\":\"punctuation\"}]";

    private const string Segments = "\"TranscriptSegments\":["
        + "{\"SegmentId\":\"s1\",\"BeginAudioTime\":0.5,\"EndAudioTime\":1.0,\"Content\":\"How are you?\",\"ParticipantDetails\":{\"ParticipantRole\":\"CLINICIAN_0\"},\"SectionDetails\":{\"SectionName\":\"SUBJECTIVE\"}},"
        + "{\"SegmentId\":\"s2\",\"BeginAudioTime\":1.5,\"EndAudioTime\":2.0,\"Content\":\"Fine.\",\"ParticipantDetails\":{\"ParticipantRole\":\"PATIENT_0\"},\"SectionDetails\":{\"SectionName\":\"SUBJECTIVE\"}}]";

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Items_take_the_role_of_the_segment_holding_them(bool segmentsFirst, bool seekable)
    {
        var conversation = segmentsFirst ? Segments + "," + Items : Items + "," + Segments;
        var json = "{\"Conversation\":{\"ClinicalInsights\":[],\"ConversationId\":\"c-1\",\"LanguageCode\":\"en-US\",\"SessionId\":\"s\"," + conversation + "}}";

        var items = await ReadItemsAsync(json, "s3://bucket/scribe/visit-9/transcript.json", seekable: seekable);

        Assert.Equal(["How", "are", "you", "?", "Fine", "."], items.Select(i => i.Content));
        Assert.Equal(["CLINICIAN_0", "CLINICIAN_0", "CLINICIAN_0", "CLINICIAN_0", "PATIENT_0", "PATIENT_0"], items.Select(i => i.Speaker));
        Assert.Equal([0.99, 0.98, 0.97, null, 0.95, null], items.Select(i => i.Confidence));
        Assert.Equal(1.6, items[4].StartTime);
        Assert.Null(items[3].StartTime);
        Assert.All(items, i => Assert.Equal("transcript", i.JobName));
    }

    [Fact]
    public async Task HealthScribe_turns_split_clinician_and_patient()
    {
        var json = "{\"Conversation\":{" + Segments + "," + Items + "}}";
        var options = new TranscriptReadOptions { SpeakerNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["clinician_0"] = "Dr. Kim" } };

        var turns = await ReadTurnsAsync(json, "visit.json", options);

        Assert.Equal(["How are you?", "Fine."], turns.Select(t => t.Text));
        Assert.Equal(["Dr. Kim", "PATIENT_0"], turns.Select(t => t.SpeakerName));
    }
}
