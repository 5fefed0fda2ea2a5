using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Transcribe.Output;

/// <summary>
/// The two HealthScribe files, in the shapes of AWS's documented examples: transcript.json (Conversation with
/// ClinicalInsights, TranscriptItems of Type PRONUNCIATION/PUNCTUATION and TranscriptSegments, times in seconds as
/// numbers, roles CLINICIAN_0/PATIENT_0, character offsets with an inclusive end) and summary.json (the clinical
/// document: ClinicalDocumentation.Sections with summarised sentences linked to their evidence segments).
/// </summary>
internal static class ScribeDocuments
{
    private static readonly (string Term, string Category, string Type)[] Terms =
    [
        ("cough", "MEDICAL_CONDITION", "DX_NAME"),
        ("fever", "MEDICAL_CONDITION", "DX_NAME"),
        ("wheezing", "MEDICAL_CONDITION", "DX_NAME"),
        ("shortness of breath", "MEDICAL_CONDITION", "DX_NAME"),
        ("hypertension", "MEDICAL_CONDITION", "DX_NAME"),
        ("lisinopril", "MEDICATION", "GENERIC_NAME"),
        ("penicillin", "MEDICATION", "GENERIC_NAME"),
        ("inhaler", "MEDICATION", "GENERIC_NAME"),
        ("blood pressure", "TEST_TREATMENT_PROCEDURE", "TEST_NAME"),
        ("chest x-ray", "TEST_TREATMENT_PROCEDURE", "TEST_NAME"),
    ];

    private static readonly Dictionary<string, string[]> TemplateSections = new(StringComparer.Ordinal)
    {
        ["HISTORY_AND_PHYSICAL"] = ["CHIEF_COMPLAINT", "HISTORY_OF_PRESENT_ILLNESS", "REVIEW_OF_SYSTEMS", "PAST_MEDICAL_HISTORY", "PHYSICAL_EXAMINATION", "ASSESSMENT", "PLAN"],
        ["GIRPP"] = ["GOALS", "INTERVENTION", "RESPONSE", "PROGRESS", "PLAN"],
        ["BIRP"] = ["BEHAVIOR", "INTERVENTION", "RESPONSE", "PLAN"],
        ["SIRP"] = ["SITUATION", "INTERVENTION", "RESPONSE", "PLAN"],
        ["DAP"] = ["DATA", "ASSESSMENT", "PLAN"],
        ["BEHAVIORAL_SOAP"] = ["SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"],
        ["PHYSICAL_SOAP"] = ["SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"],
    };

    public static (JsonObject Transcript, JsonObject ClinicalDocument) Build(Conversation conversation, string jobName, string noteTemplate)
    {
        var items = new JsonArray();
        var segments = new JsonArray();
        var insights = new JsonArray();
        var segmentIds = new List<string>();
        int count = conversation.Turns.Count;
        for (int index = 0; index < count; index++)
        {
            var turn = conversation.Turns[index];
            foreach (var word in turn.Words)
            {
                items.Add(new JsonObject
                {
                    ["Alternatives"] = new JsonArray(new JsonObject { ["Confidence"] = word.IsPunctuation ? 0.0 : word.Confidence, ["Content"] = word.Text }),
                    ["BeginAudioTime"] = word.BeginMs / 1000.0,
                    ["EndAudioTime"] = word.EndMs / 1000.0,
                    ["Type"] = word.IsPunctuation ? "PUNCTUATION" : "PRONUNCIATION",
                });
            }

            string segmentId = ContentIds.Uuid(jobName, "segment", index);
            segmentIds.Add(segmentId);
            string content = turn.Text();
            segments.Add(new JsonObject
            {
                ["BeginAudioTime"] = turn.BeginMs / 1000.0,
                ["Content"] = content,
                ["EndAudioTime"] = turn.EndMs / 1000.0,
                ["ParticipantDetails"] = new JsonObject { ["ParticipantRole"] = turn.Party == 0 ? "CLINICIAN_0" : "PATIENT_0" },
                ["SectionDetails"] = new JsonObject { ["SectionName"] = TranscriptSection(index, count) },
                ["SegmentId"] = segmentId,
            });

            foreach (var (term, category, type) in Terms)
            {
                int at = content.IndexOf(term, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    insights.Add(new JsonObject
                    {
                        ["Attributes"] = new JsonArray(),
                        ["Category"] = category,
                        ["InsightId"] = ContentIds.Uuid(jobName, "insight", insights.Count),
                        ["InsightType"] = "ClinicalEntity",
                        ["Spans"] = new JsonArray(new JsonObject
                        {
                            ["BeginCharacterOffset"] = at,
                            ["Content"] = content.Substring(at, term.Length),
                            ["EndCharacterOffset"] = at + term.Length - 1,
                            ["SegmentId"] = segmentId,
                        }),
                        ["Type"] = type,
                    });
                }
            }
        }

        // Member order as in AWS's documented example: the segments (the roles) come after the items.
        var transcript = new JsonObject
        {
            ["Conversation"] = new JsonObject
            {
                ["ConversationId"] = ContentIds.Uuid(jobName, "conversation", 0),
                ["JobName"] = jobName,
                ["JobType"] = "ASYNC",
                ["LanguageCode"] = "en-US",
                ["ClinicalInsights"] = insights,
                ["TranscriptItems"] = items,
                ["TranscriptSegments"] = segments,
            },
        };

        var sectionNames = TemplateSections.GetValueOrDefault(noteTemplate) ?? TemplateSections["HISTORY_AND_PHYSICAL"];
        var sections = new JsonArray();
        for (int s = 0; s < sectionNames.Length; s++)
        {
            var summary = new JsonArray();
            int first = s * count / sectionNames.Length;
            int last = (s + 1) * count / sectionNames.Length;
            for (int index = first; index < last; index++)
            {
                var turn = conversation.Turns[index];
                summary.Add(new JsonObject
                {
                    ["EvidenceLinks"] = new JsonArray(new JsonObject { ["SegmentId"] = segmentIds[index] }),
                    ["SummarizedSegment"] = (turn.Party == 0 ? "Clinician notes: " : "Patient reports: ") + turn.Text(),
                });
            }

            sections.Add(new JsonObject { ["SectionName"] = sectionNames[s], ["Summary"] = summary });
        }

        var document = new JsonObject { ["ClinicalDocumentation"] = new JsonObject { ["Sections"] = sections } };
        return (transcript, document);
    }

    private static string TranscriptSection(int index, int count)
    {
        double position = (index + 0.5) / Math.Max(1, count);
        return position switch
        {
            < 0.1 => "OTHER",
            < 0.6 => "SUBJECTIVE",
            < 0.8 => "OBJECTIVE",
            _ => "ASSESSMENT_AND_PLAN",
        };
    }
}
