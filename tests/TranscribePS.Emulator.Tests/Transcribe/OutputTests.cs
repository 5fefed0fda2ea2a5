using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class OutputTests
{
    private static readonly ConversationScript ScriptedCall = new(
    [
        new("AGENT", "Thank you for calling, this is {NAME:Dana}. How can I help?", "POSITIVE"),
        new("CUSTOMER", "My card was charged twice and I am really upset about it.", "NEGATIVE", Insight: "ISSUE"),
        new("AGENT", "I am sorry about that, let me check the account for you right away.", "NEUTRAL", BeginOffsetMillis: 7000),
        new("CUSTOMER", "The number is {CREDIT_DEBIT_NUMBER:4 1 1 1}.", "NEUTRAL"),
        new("AGENT", "I have refunded the duplicate charge to your card today.", "POSITIVE", Insight: "OUTCOME"),
        new("AGENT", "I will email you a confirmation this afternoon.", "POSITIVE", Insight: "ACTION_ITEM"),
        new("CUSTOMER", "Thanks, goodbye.", "POSITIVE"),
    ]);

    [SamplesFact]
    public async Task Medical_output_with_speaker_labels_has_every_member_of_the_real_speaker_sample()
    {
        var transcript = await CompletedMedicalTranscriptAsync(new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 });
        AssertMatchesSample("standard_speaker-labels__tscribe_03-speaker-identification.json", transcript);

        var speakers = transcript["results"]!["speaker_labels"]!;
        Assert.Equal(2, speakers["speakers"]!.GetValue<int>());
        Assert.All(Pronunciations(transcript), item => Assert.StartsWith("spk_", item["speaker_label"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [SamplesFact]
    public async Task Medical_output_with_channel_identification_has_every_member_of_the_real_channel_sample()
    {
        var transcript = await CompletedMedicalTranscriptAsync(new { ChannelIdentification = true });
        AssertMatchesSample("standard_channel-labels__tscribe_02-channel-identification.json", transcript);

        var channels = transcript["results"]!["channel_labels"]!;
        Assert.Equal(2, channels["number_of_channels"]!.GetValue<int>());
        int perChannel = channels["channels"]!.AsArray().Sum(c => c!["items"]!.AsArray().Count);
        Assert.Equal(transcript["results"]!["items"]!.AsArray().Count, perChannel);
        Assert.Null(transcript["results"]!["speaker_labels"]);
    }

    [SamplesFact]
    public async Task Plain_medical_output_has_every_member_of_the_real_plain_samples()
    {
        var transcript = await CompletedMedicalTranscriptAsync(settings: null);
        AssertMatchesSample("standard_plain__tscribe_01-plain.json", transcript);
        AssertMatchesSample("standard_plain__aws-transcription-to-vtt_expert.json", transcript);
        Assert.Null(transcript["results"]!["speaker_labels"]);
        Assert.Null(transcript["results"]!["channel_labels"]);
    }

    [Fact]
    public async Task Medical_items_write_every_number_as_a_string_and_punctuation_without_times()
    {
        var transcript = await CompletedMedicalTranscriptAsync(new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 });
        var items = transcript["results"]!["items"]!.AsArray();

        Assert.Contains(items, i => i!["type"]!.GetValue<string>() == "punctuation");
        foreach (var item in items)
        {
            var alternative = item!["alternatives"]![0]!;
            if (item["type"]!.GetValue<string>() == "punctuation")
            {
                Assert.Null(item["start_time"]);
                Assert.Null(item["end_time"]);
            }
            else
            {
                double start = double.Parse(item["start_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                double end = double.Parse(item["end_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(end > start);
                Assert.InRange(double.Parse(alternative["confidence"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.0);
            }
        }
    }

    [Fact]
    public async Task Medical_phi_identification_lists_entities_that_match_transcribed_words()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("phi-visit", seconds: 90, contentIdentification: "PHI");
        var job = await emulator.GetMedicalAsync("phi-visit");
        var transcript = emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        var entities = transcript["results"]!["entities"]!.AsArray();
        Assert.NotEmpty(entities);
        string text = transcript["results"]!["transcripts"]![0]!["transcript"]!.GetValue<string>();
        foreach (var entity in entities)
        {
            Assert.Equal("PHI", entity!["category"]!.GetValue<string>());
            Assert.Contains(entity["content"]!.GetValue<string>(), text, StringComparison.Ordinal);
            Assert.True(entity["endTime"]!.GetValue<double>() > entity["startTime"]!.GetValue<double>());
        }

        Assert.Equal("PHI", job["ContentIdentificationType"]!.GetValue<string>());
    }

    [SamplesFact]
    public async Task Call_analytics_redacted_output_has_every_member_of_the_real_call_analytics_sample()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("sample-call", ScriptedCall);
        await emulator.CallAsync("CreateCallAnalyticsCategory", new { CategoryName = "Refunds", Rules = new object[] { new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refunded" } } } } });
        await emulator.StartCallAnalyticsAsync("sample-call", seconds: 40, settings: new { ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted" } });
        var job = await emulator.GetCallAnalyticsAsync("sample-call");

        Assert.Null(job["Transcript"]!["TranscriptFileUri"]);
        string redactedUri = job["Transcript"]!["RedactedTranscriptFileUri"]!.GetValue<string>();
        Assert.Equal("https://s3.us-east-1.amazonaws.com/transcripts-out/calls/redacted-analytics/sample-call.json", redactedUri);
        var document = emulator.ReadOutput(redactedUri);
        AssertMatchesSample("call-analytics_redacted__aws-samples_example-call.json", document);

        Assert.Equal("Redacted", document["ContentMetadata"]!["Output"]!.GetValue<string>());
        var turns = document["Transcript"]!.AsArray();
        Assert.Equal("Thank you for calling, this is [PII]. How can I help?", turns[0]!["Content"]!.GetValue<string>());
        Assert.DoesNotContain("Dana", document.ToJsonString(), StringComparison.Ordinal);
        var redactedItem = turns[0]!["Items"]!.AsArray().Single(i => i!["Content"]!.GetValue<string>() == "[PII]")!;
        Assert.Null(redactedItem["Confidence"]);
        Assert.NotNull(redactedItem["Redaction"]![0]!["Confidence"]);
        Assert.Equal("My card was charged twice and I am really upset about it", Slice(turns[1]!, "IssuesDetected"));
    }

    [Fact]
    public async Task Call_analytics_redacted_and_unredacted_writes_both_files()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("both-call", ScriptedCall);
        await emulator.StartCallAnalyticsAsync("both-call", settings: new { ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted_and_unredacted", PiiEntityTypes = new[] { "NAME" } } });
        var job = await emulator.GetCallAnalyticsAsync("both-call");

        var raw = emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        var redacted = emulator.ReadOutput(job["Transcript"]!["RedactedTranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("Raw", raw["ContentMetadata"]!["Output"]!.GetValue<string>());
        Assert.Contains("Dana", raw.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Dana", redacted.ToJsonString(), StringComparison.Ordinal);
        // Only NAME was asked for: the card digits stay.
        Assert.Equal("The number is 4 1 1 1.", redacted["Transcript"]![3]!["Content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_analytics_with_a_redacted_media_uri_writes_the_redacted_recording_there()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("bleeped.wav", 20, 8000, 2);
        var request = TranscribeHarness.CallAnalyticsRequest("bleeped", uri, new { ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted" }, LanguageOptions = new[] { "en-US", "es-US" } });
        request["Media"] = new { MediaFileUri = uri, RedactedMediaFileUri = "s3://transcripts-out/redacted-media/" };
        await emulator.CallAsync("StartCallAnalyticsJob", request);

        var job = await emulator.GetCallAnalyticsAsync("bleeped");

        Assert.Equal("https://s3.us-east-1.amazonaws.com/transcripts-out/redacted-media/bleeped.wav", job["Media"]!["RedactedMediaFileUri"]!.GetValue<string>());
        Assert.Equal(emulator.Store.Get(TranscribeHarness.MediaBucket, "bleeped.wav")!.Data.Length, emulator.Store.Get(TranscribeHarness.OutputBucket, "redacted-media/bleeped.wav")!.Data.Length);
        Assert.Equal("en-US", job["LanguageCode"]!.GetValue<string>());
        Assert.NotNull(job["IdentifiedLanguageScore"]);
    }

    [Fact]
    public async Task Call_analytics_characteristics_count_interruptions_by_interrupter_and_talk_time_by_role()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("measured-call", ScriptedCall);
        await emulator.StartCallAnalyticsAsync("measured-call", seconds: 40);
        var document = emulator.ReadOutput((await emulator.GetCallAnalyticsAsync("measured-call"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        var characteristics = document["ConversationCharacteristics"]!;

        // The third turn (AGENT) starts at 7.0 s, while the customer is still talking.
        var interruption = Assert.Single(characteristics["Interruptions"]!["InterruptionsByInterrupter"]!["AGENT"]!.AsArray())!;
        Assert.Equal(7000, interruption["BeginOffsetMillis"]!.GetValue<long>());
        Assert.Null(characteristics["Interruptions"]!["InterruptionsByInterrupter"]!["CUSTOMER"]);
        Assert.Equal(1, characteristics["Interruptions"]!["TotalCount"]!.GetValue<int>());
        Assert.Equal(40000, characteristics["TotalConversationDurationMillis"]!.GetValue<long>());
        Assert.True(characteristics["Sentiment"]!["OverallSentiment"]!["CUSTOMER"]!.GetValue<double>() < characteristics["Sentiment"]!["OverallSentiment"]!["AGENT"]!.GetValue<double>());
        Assert.Equal(4, characteristics["Sentiment"]!["SentimentByPeriod"]!["QUARTER"]!["AGENT"]!.AsArray().Count);
        long agentTalk = characteristics["TalkTime"]!["DetailsByParticipant"]!["AGENT"]!["TotalTimeMillis"]!.GetValue<long>();
        long customerTalk = characteristics["TalkTime"]!["DetailsByParticipant"]!["CUSTOMER"]!["TotalTimeMillis"]!.GetValue<long>();
        Assert.Equal(agentTalk + customerTalk, characteristics["TalkTime"]!["TotalTimeMillis"]!.GetValue<long>());
        Assert.Contains(characteristics["NonTalkTime"]!["Instances"]!.AsArray(), i => i!["EndOffsetMillis"]!.GetValue<long>() == 40000);
    }

    [Fact]
    public async Task Call_analytics_summary_is_written_when_requested_and_skipped_for_too_little_conversation()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartCallAnalyticsAsync("long-summary", seconds: 180, settings: new { Summarization = new { GenerateAbstractiveSummary = true } });
        emulator.Api.ScriptJob("short-summary", new ConversationScript([new("AGENT", "Hello?"), new("CUSTOMER", "Wrong number, sorry.")]));
        await emulator.StartCallAnalyticsAsync("short-summary", seconds: 5, settings: new { Summarization = new { GenerateAbstractiveSummary = true } });

        var longJob = await emulator.GetCallAnalyticsAsync("long-summary");
        var longDocument = emulator.ReadOutput(longJob["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(longDocument["ContactSummary"]!["AutoGenerated"]!["OverallSummary"]!["Content"]!.GetValue<string>()));
        Assert.Null(longJob["CallAnalyticsJobDetails"]);

        var shortJob = await emulator.GetCallAnalyticsAsync("short-summary");
        Assert.Equal("INSUFFICIENT_CONVERSATION_CONTENT", shortJob["CallAnalyticsJobDetails"]!["Skipped"]![0]!["ReasonCode"]!.GetValue<string>());
        Assert.Null(emulator.ReadOutput(shortJob["Transcript"]!["TranscriptFileUri"]!.GetValue<string>())["ContactSummary"]);
    }

    [Fact]
    public async Task Generated_call_has_overlapping_turns_and_loudness_scores_with_gaps()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartCallAnalyticsAsync("busy-call", seconds: 600);
        var document = emulator.ReadOutput((await emulator.GetCallAnalyticsAsync("busy-call"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        var turns = document["Transcript"]!.AsArray();

        Assert.Contains(turns.Zip(turns.Skip(1)), pair =>
            pair.First!["ParticipantRole"]!.GetValue<string>() != pair.Second!["ParticipantRole"]!.GetValue<string>() &&
            pair.Second["BeginOffsetMillis"]!.GetValue<long>() < pair.First["EndOffsetMillis"]!.GetValue<long>());
        Assert.Contains(turns, t => t!["LoudnessScores"]!.AsArray().Any(score => score is null));
        Assert.Contains(turns, t => t!["ParticipantRole"]!.GetValue<string>() == "AGENT");
        Assert.Contains(turns, t => t!["ParticipantRole"]!.GetValue<string>() == "CUSTOMER");
        Assert.All(turns, t => Assert.True(t!["EndOffsetMillis"]!.GetValue<long>() <= 600_000));
    }

    [Theory]
    [InlineData(null, "medical/key-visit.json")]
    [InlineData("clinic/2026", "clinic/2026/medical/key-visit.json")]
    [InlineData("clinic/2026/", "clinic/2026/medical/key-visit.json")]
    [InlineData("clinic/visit-note.json", "clinic/visit-note.json")]
    public async Task Medical_output_key_follows_the_service_layout(string? outputKey, string expectedKey)
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("key-visit.wav", 10);
        await emulator.CallAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("key-visit", uri, outputKey: outputKey));
        var job = await emulator.GetMedicalAsync("key-visit");

        Assert.Equal($"https://s3.us-east-1.amazonaws.com/{TranscribeHarness.OutputBucket}/{expectedKey}", job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        Assert.NotNull(emulator.Store.Get(TranscribeHarness.OutputBucket, expectedKey));
    }

    [Theory]
    [InlineData("s3://transcripts-out", "analytics/layout-call.json")]
    [InlineData("s3://transcripts-out/", "analytics/layout-call.json")]
    [InlineData("s3://transcripts-out/contact-center", "contact-center/analytics/layout-call.json")]
    [InlineData("s3://transcripts-out/contact-center/layout.json", "contact-center/layout.json")]
    public async Task Call_analytics_output_location_follows_the_service_layout(string outputLocation, string expectedKey)
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("layout-call.wav", 10, 8000, 2);
        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("layout-call", uri, outputLocation: outputLocation));
        await emulator.GetCallAnalyticsAsync("layout-call");

        Assert.NotNull(emulator.Store.Get(TranscribeHarness.OutputBucket, expectedKey));
    }

    [Fact]
    public async Task Standard_job_without_output_bucket_reports_a_presigned_service_bucket_url()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("plain.wav", 12);
        await emulator.CallAsync("StartTranscriptionJob", new { TranscriptionJobName = "plain-job", LanguageCode = "en-US", Media = new { MediaFileUri = uri }, Subtitles = new { Formats = new[] { "vtt", "srt" } } });
        var job = (await emulator.CallAsync("GetTranscriptionJob", new { TranscriptionJobName = "plain-job" }))["TranscriptionJob"]!;

        string transcriptUri = job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>();
        Assert.StartsWith("https://s3.us-east-1.amazonaws.com/aws-transcribe-us-east-1-prod/123456789012/plain-job/", transcriptUri, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=900", transcriptUri, StringComparison.Ordinal);
        Assert.Equal("COMPLETED", emulator.ReadOutput(transcriptUri)["status"]!.GetValue<string>());
        var subtitles = job["Subtitles"]!["SubtitleFileUris"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal(2, subtitles.Count);
        var vtt = emulator.Store.Get("aws-transcribe-us-east-1-prod", new Uri(subtitles[0]).AbsolutePath.Split('/', 3)[2]);
        Assert.StartsWith("WEBVTT", System.Text.Encoding.UTF8.GetString(vtt!.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subtitles_of_a_redacted_job_show_PII_as_the_transcript_does_and_number_from_the_start_index()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("pii-subtitles", ScriptedCall);
        string uri = emulator.PutWav("pii-subtitles.wav", 30);
        await emulator.CallAsync("StartTranscriptionJob", new
        {
            TranscriptionJobName = "pii-subtitles",
            LanguageCode = "en-US",
            Media = new { MediaFileUri = uri },
            OutputBucketName = TranscribeHarness.OutputBucket,
            ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted" },
            Subtitles = new { Formats = new[] { "srt" }, OutputStartIndex = 1 },
        });
        var job = (await emulator.CallAsync("GetTranscriptionJob", new { TranscriptionJobName = "pii-subtitles" }))["TranscriptionJob"]!;

        var srt = System.Text.Encoding.UTF8.GetString(emulator.Store.Get(TranscribeHarness.OutputBucket, "pii-subtitles.srt")!.Data);
        Assert.EndsWith("/pii-subtitles.srt", job["Subtitles"]!["SubtitleFileUris"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("1\n00:00:", srt, StringComparison.Ordinal);
        Assert.Contains("this is [PII].", srt, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana", srt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_redaction_writes_the_redacted_file_beside_the_transcript_name()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("pii-job", ScriptedCall);
        string uri = emulator.PutWav("pii.wav", 30);
        await emulator.CallAsync("StartTranscriptionJob", new
        {
            TranscriptionJobName = "pii-job",
            LanguageCode = "en-US",
            Media = new { MediaFileUri = uri },
            OutputBucketName = TranscribeHarness.OutputBucket,
            ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted" },
        });
        var job = (await emulator.CallAsync("GetTranscriptionJob", new { TranscriptionJobName = "pii-job" }))["TranscriptionJob"]!;

        Assert.Null(job["Transcript"]!["TranscriptFileUri"]);
        var redacted = emulator.ReadOutput(job["Transcript"]!["RedactedTranscriptFileUri"]!.GetValue<string>());
        Assert.NotNull(emulator.Store.Get(TranscribeHarness.OutputBucket, "redacted-pii-job.json"));
        var piiItem = redacted["results"]!["items"]!.AsArray().First(i => i!["alternatives"]![0]!["content"]!.GetValue<string>() == "[PII]")!;
        Assert.Null(piiItem["alternatives"]![0]!["confidence"]);
        Assert.Equal("NAME", piiItem["alternatives"]![0]!["redactions"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scribe_job_writes_a_transcript_and_a_clinical_document()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("scribe.wav", 120);
        await emulator.CallAsync("StartMedicalScribeJob", new
        {
            MedicalScribeJobName = "scribe-visit",
            Media = new { MediaFileUri = uri },
            OutputBucketName = TranscribeHarness.OutputBucket,
            DataAccessRoleArn = TranscribeHarness.RoleArn,
            Settings = new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
        });
        var job = (await emulator.CallAsync("GetMedicalScribeJob", new { MedicalScribeJobName = "scribe-visit" }))["MedicalScribeJob"]!;

        Assert.Equal("COMPLETED", job["MedicalScribeJobStatus"]!.GetValue<string>());
        var transcript = emulator.ReadOutput(job["MedicalScribeOutput"]!["TranscriptFileUri"]!.GetValue<string>());
        var document = emulator.ReadOutput(job["MedicalScribeOutput"]!["ClinicalDocumentUri"]!.GetValue<string>());
        var conversation = transcript["Conversation"]!;
        Assert.NotEmpty(conversation["TranscriptItems"]!.AsArray());
        var roles = conversation["TranscriptSegments"]!.AsArray().Select(s => s!["ParticipantDetails"]!["ParticipantRole"]!.GetValue<string>()).Distinct().Order().ToList();
        Assert.Equal(["CLINICIAN_0", "PATIENT_0"], roles);
        Assert.NotEmpty(conversation["ClinicalInsights"]!.AsArray());
        Assert.Equal(["ConversationId", "JobName", "JobType", "LanguageCode", "ClinicalInsights", "TranscriptItems", "TranscriptSegments"], conversation.AsObject().Select(m => m.Key));
        Assert.Equal(["PRONUNCIATION", "PUNCTUATION"], conversation["TranscriptItems"]!.AsArray().Select(i => i!["Type"]!.GetValue<string>()).Distinct().Order());
        var segmentText = conversation["TranscriptSegments"]!.AsArray().ToDictionary(s => s!["SegmentId"]!.GetValue<string>(), s => s!["Content"]!.GetValue<string>());
        Assert.All(conversation["ClinicalInsights"]!.AsArray().Select(i => i!["Spans"]![0]!), span =>
        {
            // AWS's examples give an inclusive end: "pain" at 12 ends at 15.
            int begin = span["BeginCharacterOffset"]!.GetValue<int>();
            int end = span["EndCharacterOffset"]!.GetValue<int>();
            Assert.Equal(span["Content"]!.GetValue<string>(), segmentText[span["SegmentId"]!.GetValue<string>()][begin..(end + 1)]);
        });
        var segmentIds = conversation["TranscriptSegments"]!.AsArray().Select(s => s!["SegmentId"]!.GetValue<string>()).ToHashSet();
        var sections = document["ClinicalDocumentation"]!["Sections"]!.AsArray();
        Assert.Equal("CHIEF_COMPLAINT", sections[0]!["SectionName"]!.GetValue<string>());
        Assert.All(sections.SelectMany(s => s!["Summary"]!.AsArray()), summary =>
            Assert.Contains(summary!["EvidenceLinks"]![0]!["SegmentId"]!.GetValue<string>(), segmentIds));
    }

    private static string Slice(JsonNode turn, string insightMember)
    {
        var offsets = turn[insightMember]![0]!["CharacterOffsets"]!;
        string content = turn["Content"]!.GetValue<string>();
        return content[offsets["Begin"]!.GetValue<int>()..offsets["End"]!.GetValue<int>()];
    }

    private static IEnumerable<JsonNode> Pronunciations(JsonObject transcript) =>
        transcript["results"]!["items"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() == "pronunciation")!;

    private static async Task<JsonObject> CompletedMedicalTranscriptAsync(object? settings)
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("schema-visit", seconds: 120, settings: settings);
        var job = await emulator.GetMedicalAsync("schema-visit");
        return emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
    }

    private static void AssertMatchesSample(string sampleFile, JsonObject document)
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(sampleFile)));
        var missing = SampleSchema.Missing(SampleSchema.Paths(sample), SampleSchema.Paths(document));
        Assert.True(missing.Count == 0, $"Members of {sampleFile} missing from the emulator's output: {string.Join(", ", missing)}");
    }
}
