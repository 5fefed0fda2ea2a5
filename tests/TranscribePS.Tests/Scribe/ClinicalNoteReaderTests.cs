using TranscribePS.Core.Scribe;
using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Scribe;

/// <summary>The HealthScribe readers against AWS's documented example output (Fixtures/README.md).</summary>
public class ClinicalNoteReaderTests
{
    internal static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "TranscribePS.Tests", "Scribe", "Fixtures", name);

    internal static readonly string AwsTranscript = Fixture("aws-example-transcript.json");
    internal static readonly string AwsDocument = Fixture("aws-example-clinical-document.json");

    [Fact]
    public async Task Sections_of_AWS_example_come_in_order_with_their_sentences_in_order()
    {
        var sections = await ReadSectionsAsync(AwsDocument, transcript: null);

        Assert.Equal(["CHIEF_COMPLAINT", "HISTORY_OF_PRESENT_ILLNESS", "REVIEW_OF_SYSTEMS", "PAST_MEDICAL_HISTORY", "ASSESSMENT", "PLAN"], sections.Select(s => s.Section));
        Assert.Equal([0, 1, 2, 3, 4, 5], sections.Select(s => s.Index));
        var history = sections[1];
        Assert.Equal(
            [
                "The patient is seen today for a follow-up of weight loss.",
                "They report feeling more energy and craving carbohydrates, sugar, and fat.",
                "The patient is up to date on their mammogram and pap smear.",
                "The patient is taking phentermine and would like to continue.",
            ],
            history.Sentences.Select(s => s.Text));
        Assert.StartsWith("The patient is seen today for a follow-up of weight loss. They report feeling", history.Text, StringComparison.Ordinal);
        Assert.Equal(["uuid7", "uuid8", "uuid9", "uuid10"], history.Sentences[0].Evidence.Select(e => e.SegmentId));
        Assert.Equal(14, history.Evidence.Count);
        Assert.All(sections, s => Assert.Equal("visit-7", s.JobName));
    }

    [Fact]
    public async Task Evidence_takes_text_times_and_role_from_the_transcript_and_keeps_the_id_of_segments_it_lacks()
    {
        ScribeTranscript transcript;
        using (var file = TranscriptReader.OpenFile(AwsTranscript))
        {
            transcript = await ClinicalNoteReader.ReadTranscriptAsync(file, AwsTranscript, CancellationToken.None);
        }

        var chief = (await ReadSectionsAsync(AwsDocument, transcript))[0];

        Assert.Equal("sampleJobName", transcript.JobName);
        Assert.Equal(6, transcript.SegmentCount);
        var evidence = chief.Sentences.Single().Evidence;
        Assert.Equal(["uuid1", "uuid2", "uuid3", "uuid4", "uuid5", "uuid6"], evidence.Select(e => e.SegmentId));
        Assert.Equal("Okay.", evidence[0].Text);
        Assert.Equal("CLINICIAN_0", evidence[0].Role);
        Assert.Equal(0.16, evidence[0].StartTime);
        Assert.Equal(0.6, evidence[0].EndTime);
        Assert.Equal("SUBJECTIVE", evidence[0].TranscriptSection);
        Assert.Equal("OTHER", evidence[1].TranscriptSection);
        Assert.Null(evidence[3].Text);
        Assert.Null(evidence[3].Role);
        Assert.Equal("Yeah, I think it, uh, do you feel more energy?", evidence[4].Text);
        Assert.Equal("CLINICIAN_0 [0.16-0.60]: Okay.", evidence[0].ToString());
        Assert.Equal("uuid4", evidence[3].ToString());
    }

    [Fact]
    public async Task Section_lists_print_as_their_texts_so_Export_Csv_writes_readable_cells()
    {
        var history = (await ReadSectionsAsync(AwsDocument, transcript: null))[1];

        Assert.StartsWith("The patient is seen today for a follow-up of weight loss.; They report", history.Sentences.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("uuid7; uuid8; uuid9", history.Evidence.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_read_from_a_stream_that_cannot_seek_streams_the_same_sections()
    {
        var json = await File.ReadAllTextAsync(AwsDocument);
        using var stream = Open(json, seekable: false);

        var sections = await ClinicalNoteReader.ReadSectionsAsync(stream, "s3://clinic/visit-7/summary.json", "visit-7", null, CancellationToken.None).ToListAsync();

        Assert.Equal(6, sections.Count);
        Assert.Equal("s3://clinic/visit-7/summary.json", sections[0].SourceName);
    }

    [Fact]
    public async Task Insights_of_AWS_example_carry_category_type_words_attributes_and_the_segment_they_were_said_in()
    {
        using var file = TranscriptReader.OpenFile(AwsTranscript);

        var insights = await ClinicalNoteReader.ReadInsightsAsync(file, AwsTranscript, null, CancellationToken.None).ToListAsync();

        Assert.Equal(["pain", "mammogram", "pap smear", "phentermine", "weight", "heart"], insights.Select(i => i.Content));
        Assert.Equal(["MEDICAL_CONDITION", "TEST_TREATMENT_PROCEDURE", "TEST_TREATMENT_PROCEDURE", "MEDICATION", "TEST_TREATMENT_PROCEDURE", "ANATOMY"], insights.Select(i => i.Category));
        Assert.Equal("DX_NAME", insights[0].Type);
        Assert.Equal("ClinicalEntity", insights[0].InsightType);
        Assert.Equal("insightUUID1", insights[0].InsightId);
        Assert.Equal("uuid1", insights[0].SegmentId);
        Assert.Equal("CLINICIAN_0", insights[0].Role);
        Assert.Equal("Okay.", insights[0].SegmentText);
        Assert.Equal(0.16, insights[0].StartTime);
        Assert.Null(insights[3].Role);
        Assert.Equal("TEST_VALUE=high", Assert.Single(insights[4].Attributes).ToString());
        Assert.Equal("TEST_VALUE=high", insights[4].Attributes.ToString());
        Assert.All(insights, i => Assert.Equal("sampleJobName", i.JobName));
    }

    [Fact]
    public async Task A_transcript_given_as_the_document_is_refused_with_what_to_pass_instead()
    {
        var error = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadSectionsAsync(AwsTranscript, transcript: null));

        Assert.Contains("is a HealthScribe transcript, not a clinical document", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Insight", error.Message, StringComparison.Ordinal);
        Assert.Equal(AwsTranscript, error.SourceName);
    }

    [Fact]
    public async Task A_document_given_as_the_transcript_and_an_unrelated_file_are_refused_naming_the_file()
    {
        using var document = TranscriptReader.OpenFile(AwsDocument);
        var asTranscript = await Assert.ThrowsAsync<TranscriptFormatException>(() => ClinicalNoteReader.ReadTranscriptAsync(document, "summary.json", CancellationToken.None));
        using var other = Open("""{"jobName":"x","results":{}}""", seekable: true);
        var notDocument = await Assert.ThrowsAsync<TranscriptFormatException>(() => ClinicalNoteReader.ReadSectionsAsync(other, "x.json", "x", null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("'summary.json' is a HealthScribe clinical document, not a transcript", asTranscript.Message, StringComparison.Ordinal);
        Assert.Contains("'x.json' is not a HealthScribe clinical document", notDocument.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://clinic/visit-7/summary.json", "s3://clinic/visit-7/transcript.json", "visit-7")]
    [InlineData("https://s3.us-east-1.amazonaws.com/clinic/visit-7/summary.json", "https://s3.us-east-1.amazonaws.com/clinic/visit-7/transcript.json", "visit-7")]
    [InlineData("/data/notes/visit-7.clinical-document.json", "/data/notes/visit-7.json", "visit-7")]
    [InlineData(@"D:\notes\visit-7.clinical-document.json", @"D:\notes\visit-7.json", "visit-7")]
    [InlineData("/data/notes/note.json", null, "note")]
    public void The_transcript_beside_a_document_and_the_job_name_follow_the_service_and_Save_TranscribeOutput_names(string document, string? transcript, string jobName)
    {
        Assert.Equal(transcript, ClinicalNoteReader.TranscriptBeside(document));
        Assert.Equal(jobName, ClinicalNoteReader.JobNameFromDocument(document));
    }

    [Fact]
    public async Task Get_TranscriptItem_reads_AWS_example_transcript_with_roles_as_speakers_and_upper_case_types()
    {
        var items = await TranscriptReader.ReadItemsAsync(AwsTranscript, NoNames, CancellationToken.None).ToListAsync();

        Assert.Equal(["Okay", ".", "Good", "afternoon", ".", "You", "lost", "one", "lb"], items.Select(i => i.Content));
        Assert.Equal(
            [TranscriptItemType.Pronunciation, TranscriptItemType.Punctuation, TranscriptItemType.Pronunciation, TranscriptItemType.Pronunciation, TranscriptItemType.Punctuation],
            items.Take(5).Select(i => i.Type));
        Assert.All(items, i => Assert.Equal("CLINICIAN_0", i.Speaker));
        Assert.Null(items[1].Confidence);
        Assert.Null(items[1].StartTime);
        Assert.Equal(0.7925, items[0].Confidence);
        Assert.All(items, i => Assert.Equal("sampleJobName", i.JobName));
    }

    private static async Task<List<ClinicalNoteSection>> ReadSectionsAsync(string path, ScribeTranscript? transcript)
    {
        using var file = TranscriptReader.OpenFile(path);
        return await ClinicalNoteReader.ReadSectionsAsync(file, path, "visit-7", transcript, CancellationToken.None).ToListAsync();
    }
}
