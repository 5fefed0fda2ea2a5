using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;
using Xunit.Abstractions;
using static TranscribePS.Tests.Analytics.CallAnalyticsFiles;

namespace TranscribePS.Tests.Analytics;

public sealed class CallAnalyticsInsightReaderTests(ITestOutputHelper output)
{
    private static Task<CallAnalyticsInsight> Read(string json, string source = "s3://bucket/analytics/call-7.json")
        => CallAnalyticsInsightReader.ReadAsync(Json(json), source, CancellationToken.None);

    private async Task<CallAnalyticsInsight?> Sample()
    {
        var path = SamplePath();
        if (path is null)
        {
            output.WriteLine($"Skipped: {SampleName} not found in ../shared/samples beside the repository.");
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await CallAnalyticsInsightReader.ReadAsync(stream, path, CancellationToken.None);
    }

    [Fact]
    public async Task Sample_gives_duration_talk_time_speed_and_sentiment_per_participant()
    {
        if (await Sample() is not { } insight)
        {
            return;
        }

        Assert.Equal("example-call.wav", insight.JobName);
        Assert.EndsWith(SampleName, insight.SourceName, StringComparison.Ordinal);
        Assert.Equal("en-US", insight.LanguageCode);
        Assert.Equal(TimeSpan.FromMilliseconds(182890), insight.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(104349), insight.AgentTalkTime);
        Assert.Equal(TimeSpan.FromMilliseconds(63790), insight.CustomerTalkTime);
        Assert.Equal(193, insight.AgentTalkSpeed);
        Assert.Equal(135, insight.CustomerTalkSpeed);
        Assert.Equal(2.4, insight.AgentSentiment);
        Assert.Equal(1.8, insight.CustomerSentiment);
        Assert.Equal([2.9, 1.0, 2.0, 3.8], insight.AgentSentimentByQuarter);
        Assert.Equal([-1.3, 2.1, 3.3, 2.5], insight.CustomerSentimentByQuarter);
        Assert.Equal(TimeSpan.Zero, insight.NonTalkTime);
        Assert.Empty(insight.NonTalkTimeInstances);
        Assert.Null(insight.Summary);
        Assert.True(insight.IsRedacted);
        Assert.Equal("Redacted", insight.RedactionOutput);
    }

    [Fact]
    public async Task Sample_interruptions_count_by_interrupter_with_an_absent_role_as_zero()
    {
        if (await Sample() is not { } insight)
        {
            return;
        }

        Assert.Equal(2, insight.InterruptionCount);
        Assert.Equal(TimeSpan.FromMilliseconds(4340), insight.InterruptionTime);
        Assert.Equal(2, insight.AgentInterruptions);
        Assert.Equal(TimeSpan.FromMilliseconds(4340), insight.AgentInterruptionTime);
        Assert.Equal(0, insight.CustomerInterruptions);
        Assert.Equal(TimeSpan.Zero, insight.CustomerInterruptionTime);
    }

    [Fact]
    public async Task Sample_matched_category_without_points_of_interest_is_listed_with_an_empty_list()
    {
        if (await Sample() is not { } insight)
        {
            return;
        }

        Assert.Equal(["No_Closing_Remark"], insight.MatchedCategories);
        Assert.Empty(insight.CategoryDetails["no_closing_remark"]);
    }

    [Fact]
    public async Task Sample_issues_outcomes_and_action_items_carry_text_participant_and_time()
    {
        if (await Sample() is not { } insight)
        {
            return;
        }

        var issue = Assert.Single(insight.Issues);
        Assert.Equal("I'm trying to dock up my ship and my card fell into the water so I'm hoping to get it replaced.", issue.Text);
        Assert.Equal("Customer", issue.Participant);
        Assert.Equal(11.04, issue.StartTime);
        Assert.Equal(20.86, issue.EndTime);
        Assert.Equal("Agent", Assert.Single(insight.ActionItems).Participant);
        Assert.StartsWith("review we've got that card canceled", Assert.Single(insight.Outcomes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_section_of_a_full_file_is_read()
    {
        const string json = """
        {
          "JobName": "call-7", "LanguageCode": "en-GB",
          "ContentMetadata": { "Output": "Raw" },
          "Categories": {
            "MatchedCategories": [ "escalation", "silence" ],
            "MatchedDetails": { "escalation": { "PointsOfInterest": [ { "BeginOffsetMillis": 40040, "EndOffsetMillis": 42460 }, { "BeginOffsetMillis": 1000, "EndOffsetMillis": 2000 } ] } }
          },
          "ConversationCharacteristics": {
            "TotalConversationDurationMillis": 60000,
            "NonTalkTime": { "TotalTimeMillis": 7500, "Instances": [ { "BeginOffsetMillis": 10000, "EndOffsetMillis": 17500, "DurationMillis": 7500 } ] },
            "Interruptions": { "TotalCount": 3, "TotalTimeMillis": 3000, "InterruptionsByInterrupter": {
              "AGENT": [ { "BeginOffsetMillis": 1, "EndOffsetMillis": 1001, "DurationMillis": 1000 } ],
              "CUSTOMER": [ { "BeginOffsetMillis": 2000, "EndOffsetMillis": 2500 }, { "BeginOffsetMillis": 3000, "EndOffsetMillis": 4500, "DurationMillis": 1500 } ] } }
          },
          "ContactSummary": { "AutoGenerated": { "OverallSummary": { "Content": "The customer asked for a refund." } } },
          "Transcript": []
        }
        """;

        var insight = await Read(json);

        Assert.Equal("call-7", insight.JobName);
        Assert.Equal("en-GB", insight.LanguageCode);
        Assert.Equal(TimeSpan.FromMinutes(1), insight.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(7500), insight.NonTalkTime);
        Assert.Equal([new TimeRange(10, 17.5)], insight.NonTalkTimeInstances);
        Assert.Equal(3, insight.InterruptionCount);
        Assert.Equal(1, insight.AgentInterruptions);
        Assert.Equal(2, insight.CustomerInterruptions);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), insight.CustomerInterruptionTime);
        Assert.Equal(["escalation", "silence"], insight.MatchedCategories);
        Assert.Equal([new TimeRange(1, 2), new TimeRange(40.04, 42.46)], insight.CategoryDetails["escalation"]);
        Assert.Empty(insight.CategoryDetails["silence"]);
        Assert.Equal("The customer asked for a refund.", insight.Summary);
        Assert.False(insight.IsRedacted);
        Assert.Equal("Raw", insight.RedactionOutput);
        Assert.Null(insight.AgentTalkSpeed);
    }

    [Fact]
    public async Task A_file_with_only_turns_gives_empty_values_and_takes_the_job_name_from_the_source()
    {
        const string json = """{ "Transcript": [ { "ParticipantRole": "AGENT", "Content": "hello", "Items": [] } ] }""";

        var insight = await Read(json);

        Assert.Equal("call-7", insight.JobName);
        Assert.Equal("s3://bucket/analytics/call-7.json", insight.SourceName);
        Assert.Equal(TimeSpan.Zero, insight.Duration);
        Assert.Equal(TimeSpan.Zero, insight.AgentTalkTime);
        Assert.Equal(0, insight.InterruptionCount);
        Assert.Null(insight.AgentSentiment);
        Assert.Empty(insight.AgentSentimentByQuarter);
        Assert.Empty(insight.MatchedCategories);
        Assert.Empty(insight.CategoryDetails);
        Assert.Empty(insight.Issues);
        Assert.Null(insight.Summary);
        Assert.False(insight.IsRedacted);
        Assert.Null(insight.RedactionOutput);
        Assert.Null(insight.LanguageCode);
    }

    [Fact]
    public async Task The_output_of_a_job_carries_the_features_the_service_skipped_and_a_file_alone_does_not()
    {
        const string json = """{ "JobName": "call-8", "Transcript": [ { "ParticipantRole": "AGENT", "Content": "hello", "Items": [] } ] }""";
        var skipped = new Core.Jobs.SkippedFeature("GENERATIVE_SUMMARIZATION", "INSUFFICIENT_CONVERSATION_CONTENT", "Too short.");
        var job = new Core.Jobs.TranscriptionJob { JobName = "call-8", Kind = Core.Jobs.JobKind.CallAnalytics, Status = Core.Jobs.JobStatus.Completed, SkippedFeatures = [skipped] };

        var fromJob = await CallAnalyticsInsightReader.ReadAsync(Json(json), "s3://out/call-8.json", job, CancellationToken.None);
        var fromFile = await Read(json);

        Assert.Equal([skipped], fromJob.SkippedFeatures);
        Assert.Null(fromJob.Summary);
        Assert.Empty(fromFile.SkippedFeatures);
    }

    [Theory]
    [InlineData("Too short.", "Job 'call-8': the service skipped the call summary (GENERATIVE_SUMMARIZATION), reason INSUFFICIENT_CONVERSATION_CONTENT: Too short. Summary is empty; the other results stand.")]
    [InlineData("Too short", "Job 'call-8': the service skipped the call summary (GENERATIVE_SUMMARIZATION), reason INSUFFICIENT_CONVERSATION_CONTENT: Too short. Summary is empty; the other results stand.")]
    [InlineData(null, "Job 'call-8': the service skipped the call summary (GENERATIVE_SUMMARIZATION), reason INSUFFICIENT_CONVERSATION_CONTENT. Summary is empty; the other results stand.")]
    public void The_warning_names_the_feature_and_gives_the_service_s_reason_in_one_sentence_each(string? message, string expected)
        => Assert.Equal(expected, Core.Messages.FeatureSkipped("call-8", new Core.Jobs.SkippedFeature("GENERATIVE_SUMMARIZATION", "INSUFFICIENT_CONVERSATION_CONTENT", message)));

    [Fact]
    public async Task Interruptions_without_totals_are_summed_from_the_instances()
    {
        const string json = """
        { "ConversationCharacteristics": { "Interruptions": { "InterruptionsByInterrupter": {
            "customer": [ { "BeginOffsetMillis": 100, "EndOffsetMillis": 600 } ] } } } }
        """;

        var insight = await Read(json);

        Assert.Equal(1, insight.InterruptionCount);
        Assert.Equal(TimeSpan.FromMilliseconds(500), insight.InterruptionTime);
        Assert.Equal(1, insight.CustomerInterruptions);
        Assert.Equal(0, insight.AgentInterruptions);
    }

    [Theory]
    [InlineData("""{ "jobName": "std", "results": { "transcripts": [], "items": [] } }""")]
    [InlineData("""{ "Conversation": { "TranscriptItems": [] } }""")]
    [InlineData("""[ 1, 2 ]""")]
    [InlineData("")]
    public async Task A_file_that_is_not_call_analytics_is_refused_with_the_file_named(string json)
    {
        var error = await Assert.ThrowsAsync<TranscriptFormatException>(() => Read(json, "C:\\calls\\odd.json"));

        Assert.Equal("C:\\calls\\odd.json", error.SourceName);
        Assert.Contains("C:\\calls\\odd.json", error.Message, StringComparison.Ordinal);
    }
}
