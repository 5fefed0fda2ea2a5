using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;
using static TranscribePS.Tests.Analytics.CallAnalyticsFiles;

namespace TranscribePS.Tests.Analytics;

public sealed class CallAnalyticsReaderTests
{
    private static readonly TranscriptReadOptions NoNames = new();

    private static Task<List<TranscriptItem>> Items(string json, TranscriptReadOptions? options = null)
        => CallAnalyticsReader.ReadItemsAsync(Json(json), "fallback", options ?? NoNames, CancellationToken.None).ToListAsync().AsTask();

    private static Task<List<TranscriptTurn>> Turns(string json)
        => CallAnalyticsReader.ReadTurnsAsync(Json(json), "fallback", NoNames, CancellationToken.None).ToListAsync().AsTask();

    private static async Task<(List<TranscriptItem> Items, List<TranscriptTurn> Turns)> Sample()
    {
        var path = SamplePath();
        await using var itemStream = File.OpenRead(path);
        var items = await CallAnalyticsReader.ReadItemsAsync(itemStream, "example", NoNames, CancellationToken.None).ToListAsync();
        await using var turnStream = File.OpenRead(path);
        var turns = await CallAnalyticsReader.ReadTurnsAsync(turnStream, "example", NoNames, CancellationToken.None).ToListAsync();
        return (items, turns);
    }

    [SamplesFact]
    public async Task Sample_turns_come_out_one_per_file_turn_with_role_time_sentiment_and_loudness()
    {
        var (_, turns) = await Sample();

        Assert.Equal(37, turns.Count);
        var first = turns[0];
        Assert.Equal("example-call.wav", first.JobName);
        Assert.Equal("Thank you for calling Anchor Credit Union, the number one choice for captains worldwide, how can I help you?", first.Text);
        Assert.Equal("Agent", first.Participant);
        Assert.Equal("AGENT", first.Speaker);
        Assert.Equal("Agent", first.SpeakerName);
        Assert.Equal(0.04, first.StartTime);
        Assert.Equal(5.05, first.EndTime);
        Assert.Equal("POSITIVE", first.Sentiment);
        Assert.Equal(19, first.WordCount);
        Assert.Equal(78.335, first.Loudness!.Value, 6);
        Assert.Equal(Enumerable.Range(0, 37), turns.Select(t => t.Index));
        Assert.Equal("Customer", turns[1].Participant);
    }

    [SamplesFact]
    public async Task Sample_loudness_ignores_null_scores()
    {
        var (_, turns) = await Sample();

        // Turn 4 has ten scores, two of them null: the mean is over the eight numbers.
        Assert.Equal(80.17, turns[4].Loudness!.Value, 6);
    }

    [SamplesFact]
    public async Task Sample_detected_spans_are_the_text_they_point_at()
    {
        var (_, turns) = await Sample();

        Assert.Equal(["I'm trying to dock up my ship and my card fell into the water so I'm hoping to get it replaced."], turns[3].Issues);
        Assert.Equal(["I will email you a confirmation is [PII]."], turns[26].ActionItems);
        Assert.Equal(["review we've got that card canceled, we're sending it to the [PII] and I've emailed you a confirmation."], turns[28].Outcomes);
        Assert.Equal(3, turns.Sum(t => t.Issues.Count + t.Outcomes.Count + t.ActionItems.Count));
    }

    [SamplesFact]
    public async Task Sample_redacted_words_are_flagged_without_confidence()
    {
        var (items, turns) = await Sample();

        Assert.Equal(538, items.Count);
        var redacted = items.Where(i => i.IsRedacted).ToList();
        Assert.Equal(12, redacted.Count);
        Assert.All(redacted, i => Assert.Equal("[PII]", i.Content));
        Assert.All(redacted, i => Assert.Null(i.Confidence));
        Assert.True(turns[5].IsRedacted);
        Assert.False(turns[0].IsRedacted);
    }

    [SamplesFact]
    public async Task Sample_items_of_overlapping_turns_interleave_by_time_with_punctuation_after_its_word()
    {
        var (items, _) = await Sample();

        Assert.Equal(Enumerable.Range(0, items.Count), items.Select(i => i.Index));
        var timed = items.Where(i => i.StartTime is not null).Select(i => i.StartTime!.Value).ToList();
        Assert.Equal(timed.Order(), timed);

        // Customer turn 1 (6.31–10.45 s) overlaps agent turn 2 (7.94–11.38 s).
        var start = items.FindIndex(i => i.Content == "Hi");
        var window = items.Skip(start).Take(14).Select(i => $"{i.Speaker}:{i.Content}");
        Assert.Equal(
            [
                "CUSTOMER:Hi", "CUSTOMER:um", "CUSTOMER:Okay", "AGENT:Yeah", "AGENT:.", "CUSTOMER:so", "CUSTOMER:I",
                "CUSTOMER:was", "CUSTOMER:at", "CUSTOMER:fisherman's", "CUSTOMER:terminal", "CUSTOMER:.", "AGENT:Mhm", "AGENT:.",
            ],
            window);
        var punctuation = items.First(i => i.Type == TranscriptItemType.Punctuation);
        Assert.Null(punctuation.Confidence);
        Assert.Null(punctuation.StartTime);
    }

    [Fact]
    public async Task Overlapping_turns_merge_by_begin_time_and_keep_equal_times_in_file_order()
    {
        const string json = """
        { "JobName": "overlap", "Transcript": [
          { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 1000, "EndOffsetMillis": 3000, "Content": "one three",
            "Items": [ { "Type": "PRONUNCIATION", "Content": "one", "Confidence": 0.9, "BeginOffsetMillis": 1000, "EndOffsetMillis": 1500 },
                       { "Type": "PRONUNCIATION", "Content": "three", "Confidence": 0.8, "BeginOffsetMillis": 2500, "EndOffsetMillis": 3000 },
                       { "Type": "PUNCTUATION", "Content": "." } ] },
          { "ParticipantRole": "AGENT", "BeginOffsetMillis": 500, "EndOffsetMillis": 2500, "Content": "zero two",
            "Items": [ { "Type": "PRONUNCIATION", "Content": "zero", "Confidence": 1.0, "BeginOffsetMillis": 500, "EndOffsetMillis": 900 },
                       { "Type": "PRONUNCIATION", "Content": "two", "Confidence": 1.0, "BeginOffsetMillis": 2500, "EndOffsetMillis": 2600 },
                       { "Type": "PUNCTUATION", "Content": "!" } ] }
        ] }
        """;

        var items = await Items(json);
        var turns = await Turns(json);

        // "two" and "three" both begin at 2.5 s: the earlier turn (by begin time: the agent's) goes first.
        Assert.Equal(["zero", "one", "two", "!", "three", "."], items.Select(i => i.Content));
        Assert.Equal([0, 1, 2, 3, 4, 5], items.Select(i => i.Index));
        Assert.Equal("overlap", items[0].JobName);
        Assert.Equal(0.5, items[0].StartTime);
        Assert.Equal(0.9, items[0].EndTime);
        Assert.Equal(TranscriptItemType.Punctuation, items[3].Type);
        Assert.Equal(["Agent", "Customer"], turns.Select(t => t.Participant));
        Assert.Equal(0.85, turns[1].Confidence!.Value, 6);
        Assert.Equal(2, turns[1].WordCount);
    }

    [Fact]
    public async Task Speaker_names_map_by_role_case_insensitively_and_channels_come_from_channel_definitions()
    {
        const string json = """
        { "JobName": "named", "ChannelDefinitions": [ { "ChannelId": 0, "ParticipantRole": "AGENT" }, { "ChannelId": 1, "ParticipantRole": "CUSTOMER" } ],
          "Transcript": [
            { "ParticipantRole": "AGENT", "BeginOffsetMillis": 0, "EndOffsetMillis": 100, "Content": "hi",
              "Items": [ { "Type": "pronunciation", "Content": "hi", "Confidence": 1, "BeginOffsetMillis": 0, "EndOffsetMillis": 100 } ] },
            { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 200, "EndOffsetMillis": 300, "Content": "hello",
              "Items": [ { "Type": "pronunciation", "Content": "hello", "Confidence": 1, "BeginOffsetMillis": 200, "EndOffsetMillis": 300 } ] } ] }
        """;

        // An ordinal dictionary, as a caller may build it: the reader still matches "agent" to AGENT.
        var named = new TranscriptReadOptions { SpeakerNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["agent"] = "Dana" } };
        var items = await Items(json, named);
        var unnamed = await Items(json);

        Assert.Equal(["Dana", "Customer"], items.Select(i => i.SpeakerName));
        Assert.Equal(["AGENT", "CUSTOMER"], items.Select(i => i.Speaker));
        Assert.Equal(["ch_0", "ch_1"], items.Select(i => i.Channel));
        Assert.Equal(["Agent", "Customer"], unnamed.Select(i => i.SpeakerName));
    }

    [Fact]
    public async Task Missing_and_null_values_give_empty_results_not_errors()
    {
        const string json = """
        { "Transcript": [
            { "ParticipantRole": "AGENT", "BeginOffsetMillis": 0, "EndOffsetMillis": 900, "Content": "no items here",
              "LoudnessScores": [ null, null ], "Items": [] },
            null,
            { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 1000, "EndOffsetMillis": 1500, "Content": "ok",
              "LoudnessScores": null, "Items": [ { "Type": "pronunciation", "Content": "ok", "BeginOffsetMillis": 1000, "EndOffsetMillis": 1500 } ] }
        ] }
        """;

        var turns = await Turns(json);
        var items = await Items(json);

        Assert.Equal(2, turns.Count);
        Assert.Equal("fallback", turns[0].JobName);
        Assert.Null(turns[0].Loudness);
        Assert.Null(turns[0].Confidence);
        Assert.Equal(3, turns[0].WordCount);
        Assert.Empty(turns[0].Issues);
        Assert.Null(turns[0].Sentiment);
        Assert.Null(turns[1].Loudness);
        Assert.Null(turns[1].Confidence);
        Assert.Equal(["ok"], items.Select(i => i.Content));
        Assert.Null(items[0].Channel);
    }

    [Fact]
    public async Task Unredacted_output_keeps_confidence_and_is_not_flagged()
    {
        const string json = """
        { "ContentMetadata": { "Output": "Raw" }, "Transcript": [
            { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 0, "EndOffsetMillis": 800, "Content": "John Stiles",
              "Items": [ { "Type": "pronunciation", "Content": "John", "Confidence": 0.97, "BeginOffsetMillis": 0, "EndOffsetMillis": 400 },
                         { "Type": "pronunciation", "Content": "Stiles", "Confidence": 0.91, "BeginOffsetMillis": 400, "EndOffsetMillis": 800 } ] } ] }
        """;

        var items = await Items(json);
        var turns = await Turns(json);

        Assert.Equal([0.97, 0.91], items.Select(i => i.Confidence!.Value));
        Assert.DoesNotContain(items, i => i.IsRedacted);
        Assert.False(turns[0].IsRedacted);
    }

    [Fact]
    public async Task Bad_character_offsets_are_clamped_to_the_content()
    {
        const string json = """
        { "Transcript": [ { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 0, "EndOffsetMillis": 800, "Content": "my card is lost",
            "IssuesDetected": [ { "CharacterOffsets": { "Begin": -4, "End": 7 } }, { "CharacterOffsets": { "Begin": 8, "End": 400 } },
                                { "CharacterOffsets": { "Begin": 9, "End": 3 } }, { "CharacterOffsets": { "Begin": 900, "End": 950 } },
                                { "CharacterOffsets": null }, { } ],
            "OutcomesDetected": [ { "CharacterSpans": [ { "BeginCharacterOffset": 3, "EndCharacterOffset": 7 } ] } ],
            "ActionItemsDetected": [ { "CharacterSpans": { "BeginCharacterOffset": "11", "EndCharacterOffset": "15" } } ],
            "Items": [] } ] }
        """;

        var turn = Assert.Single(await Turns(json));

        Assert.Equal(["my card", "is lost"], turn.Issues);
        Assert.Equal(["card"], turn.Outcomes);
        Assert.Equal(["lost"], turn.ActionItems);
    }

    [Fact]
    public async Task A_standard_transcript_is_refused_with_the_file_named()
    {
        const string json = """{ "jobName": "std", "accountId": "1", "results": { "transcripts": [ { "transcript": "hi" } ], "items": [] }, "status": "COMPLETED" }""";

        var error = await Assert.ThrowsAsync<TranscriptFormatException>(
            () => CallAnalyticsReader.ReadItemsAsync(Json(json), "calls/std.json", NoNames, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal("calls/std.json", error.SourceName);
        Assert.Contains("calls/std.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_source_name_errors_name_the_file_and_the_job_name_still_falls_back()
    {
        var error = await Assert.ThrowsAsync<TranscriptFormatException>(
            () => CallAnalyticsReader.ReadTurnsAsync(Json("{}"), "s3://out/analytics/call-9.json", "call-9", NoNames, CancellationToken.None).ToListAsync().AsTask());
        var items = await CallAnalyticsReader.ReadItemsAsync(
            Json("""{ "Transcript": [ { "ParticipantRole": "AGENT", "Items": [ { "Type": "pronunciation", "Content": "hi", "BeginOffsetMillis": 0 } ] } ] }"""),
            "s3://out/analytics/call-9.json", "call-9", NoNames, CancellationToken.None).ToListAsync();

        Assert.Equal("s3://out/analytics/call-9.json", error.SourceName);
        Assert.Equal("call-9", Assert.Single(items).JobName);
    }

    [Fact]
    public async Task Broken_json_is_refused_with_the_file_named()
    {
        var error = await Assert.ThrowsAsync<TranscriptFormatException>(
            () => CallAnalyticsReader.ReadTurnsAsync(Json("""{ "Transcript": [ { "Content": "cut sh"""), "calls/cut.json", NoNames, CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("calls/cut.json", error.Message, StringComparison.Ordinal);
    }
}
