using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class CategoryTests
{
    /// <summary>A call: the customer complains (negative) early, the agent interrupts at 6 s, a 6-second hold, a refund at the end.</summary>
    private static readonly ConversationScript Call = new(
    [
        new("AGENT", "Thanks for calling, how can I help you today?", "POSITIVE"),
        new("CUSTOMER", "I want to cancel my account because the service keeps dropping.", "NEGATIVE"),
        new("AGENT", "I understand, let me see what I can do for you.", "NEUTRAL", BeginOffsetMillis: 6000),
        new("AGENT", "Thanks for holding, I have applied a refund to your account.", "POSITIVE", BeginOffsetMillis: 16000),
        new("CUSTOMER", "Okay, thank you.", "POSITIVE"),
    ]);

    private static async Task<JsonObject> CategoriesOfCallAsync(params object[] categories)
    {
        var emulator = new TranscribeHarness();
        foreach (var category in categories)
        {
            await emulator.CallAsync("CreateCallAnalyticsCategory", category);
        }

        emulator.Api.ScriptJob("categorised", Call);
        await emulator.StartCallAnalyticsAsync("categorised", seconds: 30);
        var job = await emulator.GetCallAnalyticsAsync("categorised");
        return emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>())["Categories"]!.AsObject();
    }

    private static List<string> Matched(JsonObject categories) =>
        categories["MatchedCategories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();

    private static object Category(string name, params object[] rules) => new { CategoryName = name, Rules = rules };

    [Fact]
    public async Task Transcript_filter_matches_a_phrase_said_by_the_given_role_and_points_at_it()
    {
        var categories = await CategoriesOfCallAsync(
            Category("cancel", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "cancel my account" }, ParticipantRole = "CUSTOMER" } }),
            Category("agent-cancel", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "cancel my account" }, ParticipantRole = "AGENT" } }));

        Assert.Equal(["cancel"], Matched(categories));
        var point = Assert.Single(categories["MatchedDetails"]!["cancel"]!["PointsOfInterest"]!.AsArray())!;
        Assert.True(point["EndOffsetMillis"]!.GetValue<long>() > point["BeginOffsetMillis"]!.GetValue<long>());
        Assert.Null(categories["MatchedDetails"]!["agent-cancel"]);
    }

    [Fact]
    public async Task Negated_transcript_filter_matches_when_the_phrase_is_absent()
    {
        var categories = await CategoriesOfCallAsync(
            Category("no-apology", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "sorry" }, ParticipantRole = "AGENT", Negate = true } }),
            Category("no-refund", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" }, Negate = true } }));

        Assert.Equal(["no-apology"], Matched(categories));
        Assert.Empty(categories["MatchedDetails"]!["no-apology"]!["PointsOfInterest"]!.AsArray());
    }

    [Fact]
    public async Task Transcript_filter_respects_absolute_and_relative_time_ranges()
    {
        var categories = await CategoriesOfCallAsync(
            Category("refund-late", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" }, RelativeTimeRange = new { Last = 60 } } }),
            Category("refund-first-10s", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" }, AbsoluteTimeRange = new { First = 10000 } } }));

        Assert.Equal(["refund-late"], Matched(categories));
    }

    [Fact]
    public async Task Sentiment_filter_matches_the_role_that_had_the_sentiment()
    {
        var categories = await CategoriesOfCallAsync(
            Category("unhappy-customer", new { SentimentFilter = new { Sentiments = new[] { "NEGATIVE" }, ParticipantRole = "CUSTOMER" } }),
            Category("unhappy-agent", new { SentimentFilter = new { Sentiments = new[] { "NEGATIVE" }, ParticipantRole = "AGENT" } }));

        Assert.Equal(["unhappy-customer"], Matched(categories));
    }

    [Fact]
    public async Task Interruption_filter_matches_the_interrupting_role_over_the_threshold()
    {
        var categories = await CategoriesOfCallAsync(
            Category("agent-interrupts", new { InterruptionFilter = new { ParticipantRole = "AGENT", Threshold = 100 } }),
            Category("customer-interrupts", new { InterruptionFilter = new { ParticipantRole = "CUSTOMER" } }),
            Category("long-interruptions", new { InterruptionFilter = new { Threshold = 60000 } }));

        Assert.Equal(["agent-interrupts"], Matched(categories));
    }

    [Fact]
    public async Task Non_talk_time_filter_matches_a_silence_at_least_as_long_as_the_threshold()
    {
        var categories = await CategoriesOfCallAsync(
            Category("hold-3s", new { NonTalkTimeFilter = new { Threshold = 3000, AbsoluteTimeRange = new { StartTime = 5000, EndTime = 20000 } } }),
            Category("hold-20s", new { NonTalkTimeFilter = new { Threshold = 20000, AbsoluteTimeRange = new { StartTime = 5000, EndTime = 20000 } } }));

        Assert.Equal(["hold-3s"], Matched(categories));
    }

    [Fact]
    public async Task A_category_matches_only_when_all_its_rules_hold()
    {
        var categories = await CategoriesOfCallAsync(
            Category("cancel-and-refund",
                new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "cancel" } } },
                new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" } } }),
            Category("cancel-and-sorry",
                new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "cancel" } } },
                new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "sorry" } } }));

        Assert.Equal(["cancel-and-refund"], Matched(categories));
        Assert.Equal(2, categories["MatchedDetails"]!["cancel-and-refund"]!["PointsOfInterest"]!.AsArray().Count);
    }

    [Fact]
    public async Task Categories_apply_only_to_jobs_started_after_they_exist()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptMedia(TranscribeHarness.MediaBucket, "before.wav", Call);
        emulator.Api.ScriptMedia(TranscribeHarness.MediaBucket, "after.wav", Call);
        string before = emulator.PutWav("before.wav", 30, 8000, 2);
        string after = emulator.PutWav("after.wav", 30, 8000, 2);

        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("before", before));
        await emulator.CallAsync("CreateCallAnalyticsCategory", Category("refund", new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" } } }));
        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("after", after));

        var beforeJob = await emulator.GetCallAnalyticsAsync("before");
        var afterJob = await emulator.GetCallAnalyticsAsync("after");
        Assert.Empty(Matched(emulator.ReadOutput(beforeJob["Transcript"]!["TranscriptFileUri"]!.GetValue<string>())["Categories"]!.AsObject()));
        Assert.Equal(["refund"], Matched(emulator.ReadOutput(afterJob["Transcript"]!["TranscriptFileUri"]!.GetValue<string>())["Categories"]!.AsObject()));
    }

    [Fact]
    public async Task Real_time_categories_do_not_apply_to_batch_jobs()
    {
        var categories = await CategoriesOfCallAsync(
            new { CategoryName = "live-only", InputType = "REAL_TIME", Rules = new object[] { new { TranscriptFilter = new { TranscriptFilterType = "EXACT", Targets = new[] { "refund" } } } } });

        Assert.Empty(Matched(categories));
    }

    [Fact]
    public async Task Category_crud_round_trips_rules_and_keeps_input_type()
    {
        var emulator = new TranscribeHarness();
        var created = await emulator.CallAsync("CreateCallAnalyticsCategory", Category("crud", new { NonTalkTimeFilter = new { Threshold = 5000 } }));
        Assert.Equal("POST_CALL", created["CategoryProperties"]!["InputType"]!.GetValue<string>());
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await emulator.CallAsync("UpdateCallAnalyticsCategory", Category("crud", new { SentimentFilter = new { Sentiments = new[] { "MIXED" } } }));
        var properties = updated["CategoryProperties"]!;
        Assert.Equal("MIXED", properties["Rules"]![0]!["SentimentFilter"]!["Sentiments"]![0]!.GetValue<string>());
        Assert.Equal(properties["CreateTime"]!.GetValue<double>() + 300, properties["LastUpdateTime"]!.GetValue<double>());

        var changedType = await emulator.FailsAsync("UpdateCallAnalyticsCategory", new { CategoryName = "crud", InputType = "REAL_TIME", Rules = new object[] { new { NonTalkTimeFilter = new { Threshold = 5000 } } } });
        Assert.Equal("BadRequestException", changedType.ErrorType);

        var fetched = await emulator.CallAsync("GetCallAnalyticsCategory", new { CategoryName = "crud" });
        Assert.Equal("MIXED", fetched["CategoryProperties"]!["Rules"]![0]!["SentimentFilter"]!["Sentiments"]![0]!.GetValue<string>());
        Assert.Empty((await emulator.CallAsync("DeleteCallAnalyticsCategory", new { CategoryName = "crud" })).AsObject());
        Assert.Empty((await emulator.CallAsync("ListCallAnalyticsCategories", new { }))["Categories"]!.AsArray());
    }

    [Fact]
    public async Task Category_list_pages_in_name_order()
    {
        var emulator = new TranscribeHarness();
        foreach (string name in new[] { "e", "b", "f", "a", "d", "c" })
        {
            await emulator.CallAsync("CreateCallAnalyticsCategory", Category(name, new { NonTalkTimeFilter = new { Threshold = 1000 } }));
        }

        var first = await emulator.CallAsync("ListCallAnalyticsCategories", new { MaxResults = 4 });
        var second = await emulator.CallAsync("ListCallAnalyticsCategories", new { MaxResults = 4, NextToken = first["NextToken"]!.GetValue<string>() });

        Assert.Equal(["a", "b", "c", "d"], first["Categories"]!.AsArray().Select(c => c!["CategoryName"]!.GetValue<string>()).ToList());
        Assert.Equal(["e", "f"], second["Categories"]!.AsArray().Select(c => c!["CategoryName"]!.GetValue<string>()).ToList());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task Categories_need_1_to_20_rules(int count)
    {
        var rules = Enumerable.Range(0, count).Select(_ => (object)new { NonTalkTimeFilter = new { Threshold = 1000 } }).ToArray();
        var error = await new TranscribeHarness().FailsAsync("CreateCallAnalyticsCategory", Category("rules", rules));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("at 'rules' failed to satisfy constraint: Member must have length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_must_have_exactly_one_filter()
    {
        var emulator = new TranscribeHarness();
        var two = await emulator.FailsAsync("CreateCallAnalyticsCategory", Category("two", new { NonTalkTimeFilter = new { Threshold = 1000 }, SentimentFilter = new { Sentiments = new[] { "NEGATIVE" } } }));
        var none = await emulator.FailsAsync("CreateCallAnalyticsCategory", Category("none", new { }));

        Assert.Contains("at 'rules.1.member' failed to satisfy constraint: Member must have exactly one of", two.Message, StringComparison.Ordinal);
        Assert.Contains("at 'rules.1.member' failed to satisfy constraint: Member must have exactly one of", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20000, 10000)]
    [InlineData(5000, null)]
    public async Task Absolute_time_range_needs_a_start_before_its_end(int start, int? end)
    {
        var range = TranscribeHarness.Without(new Dictionary<string, object?> { ["StartTime"] = start, ["EndTime"] = end });
        var error = await new TranscribeHarness().FailsAsync("CreateCallAnalyticsCategory", Category("range", new { NonTalkTimeFilter = new { Threshold = 1000, AbsoluteTimeRange = range } }));

        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("AbsoluteTimeRange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_time_range_beyond_100_percent_is_refused()
    {
        var error = await new TranscribeHarness().FailsAsync("CreateCallAnalyticsCategory", Category("pct", new { SentimentFilter = new { Sentiments = new[] { "NEGATIVE" }, RelativeTimeRange = new { First = 120 } } }));

        Assert.Contains("at 'rules.1.member.sentimentFilter.relativeTimeRange.first' failed to satisfy constraint: Member must have value less than or equal to 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_cannot_have_both_time_range_kinds()
    {
        var error = await new TranscribeHarness().FailsAsync("CreateCallAnalyticsCategory", Category("both", new { NonTalkTimeFilter = new { Threshold = 1000, AbsoluteTimeRange = new { First = 1000 }, RelativeTimeRange = new { First = 10 } } }));

        Assert.Contains("both AbsoluteTimeRange and RelativeTimeRange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcript_filter_needs_its_targets()
    {
        var error = await new TranscribeHarness().FailsAsync("CreateCallAnalyticsCategory", Category("targets", new { TranscriptFilter = new { TranscriptFilterType = "EXACT" } }));

        Assert.Contains("Value null at 'rules.1.member.transcriptFilter.targets'", error.Message, StringComparison.Ordinal);
    }
}
