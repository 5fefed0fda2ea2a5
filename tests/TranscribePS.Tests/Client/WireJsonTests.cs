using System.Text.Json;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Client;

public class WireJsonTests
{
    [Fact]
    public void Rule_serialises_as_a_union_with_only_its_filter_member()
    {
        var rule = new Rule(new TranscriptFilter
        {
            Targets = ["cancel my account"],
            ParticipantRole = ParticipantRole.Customer,
            RelativeTimeRange = new RelativeTimeRange { Last = 20 },
        });

        var json = JsonSerializer.Serialize(rule, WireJson.Options);

        using var doc = JsonDocument.Parse(json);
        var member = Assert.Single(doc.RootElement.EnumerateObject());
        Assert.Equal("TranscriptFilter", member.Name);
        Assert.Equal("EXACT", member.Value.GetProperty("TranscriptFilterType").GetString());
        Assert.Equal("CUSTOMER", member.Value.GetProperty("ParticipantRole").GetString());
        Assert.Equal("cancel my account", member.Value.GetProperty("Targets")[0].GetString());
        Assert.Equal(20, member.Value.GetProperty("RelativeTimeRange").GetProperty("Last").GetInt32());
        Assert.False(member.Value.TryGetProperty("Negate", out _));
        Assert.False(member.Value.TryGetProperty("AbsoluteTimeRange", out _));
    }

    [Theory]
    [InlineData("""{"SentimentFilter":{"Sentiments":["NEGATIVE"],"ParticipantRole":"AGENT","Negate":true}}""", typeof(SentimentFilter))]
    [InlineData("""{"InterruptionFilter":{"Threshold":5000,"AbsoluteTimeRange":{"First":60000}}}""", typeof(InterruptionFilter))]
    [InlineData("""{"NonTalkTimeFilter":{"Threshold":10000}}""", typeof(NonTalkTimeFilter))]
    [InlineData("""{"TranscriptFilter":{"TranscriptFilterType":"EXACT","Targets":["refund"]}}""", typeof(TranscriptFilter))]
    public void Rule_reads_each_filter_kind_and_writes_it_back_unchanged(string json, Type filterType)
    {
        var rule = JsonSerializer.Deserialize<Rule>(json, WireJson.Options)!;

        Assert.IsType(filterType, rule.Filter);
        Assert.Equal(json, JsonSerializer.Serialize(rule, WireJson.Options));
    }

    [Fact]
    public void Rule_with_two_filters_is_rejected()
    {
        const string json = """{"NonTalkTimeFilter":{"Threshold":1},"InterruptionFilter":{"Threshold":1}}""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rule>(json, WireJson.Options));
        Assert.Contains("more than one filter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentiment_filter_reads_its_values_and_role()
    {
        var rule = JsonSerializer.Deserialize<Rule>("""{"SentimentFilter":{"Sentiments":["MIXED"],"ParticipantRole":"AGENT"}}""", WireJson.Options)!;

        var filter = Assert.IsType<SentimentFilter>(rule.Filter);
        Assert.Equal([SentimentValue.Mixed], filter.Sentiments);
        Assert.Equal(ParticipantRole.Agent, filter.ParticipantRole);
    }

    [Theory]
    [InlineData("1767225600", 1767225600000L)]
    [InlineData("1767225600.5", 1767225600500L)]
    [InlineData("1767225600.123456", 1767225600123L)]
    public void Timestamps_read_from_whole_and_fractional_epoch_seconds(string wire, long expectedMilliseconds)
    {
        var summary = JsonSerializer.Deserialize<TranscriptionJobSummary>($$"""{"CreationTime":{{wire}}}""", WireJson.Options)!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), summary.CreationTime);
    }

    [Fact]
    public void Timestamps_write_as_epoch_seconds_keeping_milliseconds()
    {
        var properties = new CategoryProperties
        {
            CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(1767225600250),
            LastUpdateTime = DateTimeOffset.FromUnixTimeSeconds(1767225601),
        };

        var json = JsonSerializer.Serialize(properties, WireJson.Options);

        Assert.Equal("""{"CreateTime":1767225600.25,"LastUpdateTime":1767225601}""", json);
    }

    [Fact]
    public void Medical_start_request_carries_the_conversation_defaults_and_omits_unset_members()
    {
        var request = new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = "visit-1",
            Media = new Media { MediaFileUri = "s3://in/visit 1.wav" },
            OutputBucketName = "out",
            Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
            ContentIdentificationType = MedicalContentIdentificationType.Phi,
        };

        var json = JsonSerializer.Serialize(request, WireJson.Options);

        Assert.Equal(
            """{"MedicalTranscriptionJobName":"visit-1","LanguageCode":"en-US","Media":{"MediaFileUri":"s3://in/visit 1.wav"},"OutputBucketName":"out","Settings":{"ShowSpeakerLabels":true,"MaxSpeakerLabels":2},"ContentIdentificationType":"PHI","Specialty":"PRIMARYCARE","Type":"CONVERSATION"}""",
            json);
    }

    [Fact]
    public void Call_analytics_redaction_output_uses_the_lowercase_wire_values()
    {
        var settings = new CallAnalyticsJobSettings
        {
            ContentRedaction = new ContentRedaction { RedactionOutput = RedactionOutput.RedactedAndUnredacted, PiiEntityTypes = ["NAME", "SSN"] },
            Summarization = new Summarization { GenerateAbstractiveSummary = true },
        };

        var json = JsonSerializer.Serialize(settings, WireJson.Options);

        Assert.Equal(
            """{"ContentRedaction":{"RedactionType":"PII","RedactionOutput":"redacted_and_unredacted","PiiEntityTypes":["NAME","SSN"]},"Summarization":{"GenerateAbstractiveSummary":true}}""",
            json);
    }

    [Fact]
    public void List_request_sends_the_job_status_in_wire_spelling()
    {
        var json = JsonSerializer.Serialize(new ListCallAnalyticsJobsRequest { Status = JobStatus.InProgress, MaxResults = 100 }, WireJson.Options);

        Assert.Equal("""{"Status":"IN_PROGRESS","MaxResults":100}""", json);
    }

    [Fact]
    public void Call_analytics_job_response_reads_status_outputs_and_channels()
    {
        const string json = """
            {"CallAnalyticsJob":{"CallAnalyticsJobName":"call-7","CallAnalyticsJobStatus":"COMPLETED","LanguageCode":"en-US",
             "MediaSampleRateHertz":8000,"MediaFormat":"wav","Media":{"MediaFileUri":"s3://in/c.wav","RedactedMediaFileUri":"s3://out/redacted/c.wav"},
             "Transcript":{"TranscriptFileUri":"s3://out/c.json","RedactedTranscriptFileUri":"s3://out/redacted/c.json"},
             "CreationTime":1767225600.25,"StartTime":1767225601,"CompletionTime":1767225700.75,
             "ChannelDefinitions":[{"ChannelId":0,"ParticipantRole":"AGENT"},{"ChannelId":1,"ParticipantRole":"CUSTOMER"}],
             "Settings":{"ContentRedaction":{"RedactionType":"PII","RedactionOutput":"redacted_and_unredacted"}},
             "SomethingNew":{"x":1}}}
            """;

        var job = JsonSerializer.Deserialize<GetCallAnalyticsJobResponse>(json, WireJson.Options)!.CallAnalyticsJob!;

        Assert.Equal("call-7", job.CallAnalyticsJobName);
        Assert.Equal(JobStatus.Completed, job.CallAnalyticsJobStatus);
        Assert.Equal("s3://out/redacted/c.json", job.Transcript!.RedactedTranscriptFileUri);
        Assert.Equal("s3://out/redacted/c.wav", job.Media!.RedactedMediaFileUri);
        Assert.Equal(ParticipantRole.Customer, job.ChannelDefinitions![1].ParticipantRole);
        Assert.Equal(RedactionOutput.RedactedAndUnredacted, job.Settings!.ContentRedaction!.RedactionOutput);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225700750), job.CompletionTime);
    }

    [Fact]
    public void Unknown_enum_value_in_a_closed_set_fails_with_its_name()
    {
        var ex = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<ChannelDefinition>("""{"ChannelId":0,"ParticipantRole":"ROBOT"}""", WireJson.Options));

        Assert.Contains("ROBOT", ex.Message, StringComparison.Ordinal);
    }
}
