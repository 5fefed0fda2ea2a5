using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

public class StandardTranscriptReaderTests
{
    private static string Doc(string results, string jobName = "\"jobName\":\"job-1\",")
        => "{" + jobName + "\"accountId\":\"111122223333\",\"results\":{\"transcripts\":[{\"transcript\":\"t\"}]," + results + "},\"status\":\"COMPLETED\"}";

    private static string Word(string content, string start, string end, string extra = "", string confidence = "\"confidence\":\"0.98\",")
        => $"{{{extra}\"start_time\":\"{start}\",\"end_time\":\"{end}\",\"alternatives\":[{{{confidence}\"content\":\"{content}\"}}],\"type\":\"pronunciation\"}}";

    private static string Mark(string content, string confidence = "\"confidence\":\"0.0\",", string extra = "")
        => $"{{{extra}\"alternatives\":[{{{confidence}\"content\":\"{content}\"}}],\"type\":\"punctuation\"}}";

    [Fact]
    public async Task String_numbers_become_times_and_confidences()
    {
        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("Our", "0.449", "0.739", confidence: "\"confidence\":\"1.0000\",") + "," + Word("company", "0.74", "1.2") + "]"));

        Assert.Equal(2, items.Count);
        Assert.Equal(("Our", 0.449, 0.739, 1.0), (items[0].Content, items[0].StartTime!.Value, items[0].EndTime!.Value, items[0].Confidence!.Value));
        Assert.Equal(0.98, items[1].Confidence);
        Assert.Equal([0, 1], items.Select(i => i.Index));
        Assert.All(items, i => Assert.Equal("job-1", i.JobName));
    }

    [Fact]
    public async Task Punctuation_has_no_times_and_no_confidence_whatever_the_file_says()
    {
        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("Hi", "0.1", "0.2") + "," + Mark(",") + "," + Word("you", "0.3", "0.4") + ","
            + Mark("?", confidence: "\"confidence\":null,") + "," + Word("Yes", "0.5", "0.6") + "," + Mark(".", confidence: "") + "]"));

        var marks = items.Where(i => i.Type == TranscriptItemType.Punctuation).ToList();
        Assert.Equal([",", "?", "."], marks.Select(m => m.Content));
        Assert.All(marks, m => Assert.Null(m.Confidence));
        Assert.All(marks, m => Assert.Null(m.StartTime));
        Assert.All(marks, m => Assert.Null(m.EndTime));
    }

    [Fact]
    public async Task Items_read_the_same_with_or_without_ids()
    {
        var withIds = await ReadItemsAsync(Doc("\"items\":[" + Word("a", "0.1", "0.2", "\"id\":0,") + "," + Word("b", "0.3", "0.4", "\"id\":1,") + "]"));
        var withoutIds = await ReadItemsAsync(Doc("\"items\":[" + Word("a", "0.1", "0.2") + "," + Word("b", "0.3", "0.4") + "]"));

        Assert.Equal(withoutIds, withIds);
    }

    [Fact]
    public async Task Per_item_speaker_labels_are_used_and_a_mark_takes_the_speaker_of_the_word_before_it()
    {
        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("Hello", "0.1", "0.2", "\"speaker_label\":\"spk_0\",") + "," + Mark(".") + ","
            + Word("Hi", "0.5", "0.6", "\"speaker_label\":\"spk_1\",") + "," + Mark("!") + "]"));

        Assert.Equal(["spk_0", "spk_0", "spk_1", "spk_1"], items.Select(i => i.Speaker));
        Assert.Equal(["spk_0", "spk_0", "spk_1", "spk_1"], items.Select(i => i.SpeakerName));
    }

    private const string OldSpeakerLabels = "\"speaker_labels\":{\"speakers\":2,\"segments\":["
        + "{\"start_time\":\"0.1\",\"speaker_label\":\"spk_0\",\"end_time\":\"0.4\",\"items\":[{\"start_time\":\"0.1\",\"speaker_label\":\"spk_0\",\"end_time\":\"0.2\"},{\"start_time\":\"0.3\",\"speaker_label\":\"spk_0\",\"end_time\":\"0.4\"}]},"
        + "{\"start_time\":\"0.5\",\"speaker_label\":\"spk_1\",\"end_time\":\"0.6\",\"items\":[{\"start_time\":\"0.5\",\"speaker_label\":\"spk_1\",\"end_time\":\"0.6\"}]}]}";

    private static readonly string OldItems = "\"items\":[" + Word("Good", "0.1", "0.2") + "," + Word("morning", "0.3", "0.4") + "," + Mark(".") + "," + Word("Hi", "0.5", "0.6") + "," + Mark(".") + "]";

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Speaker_segments_are_joined_by_time_wherever_they_sit_in_the_file(bool labelsFirst, bool seekable)
    {
        var results = labelsFirst ? OldSpeakerLabels + "," + OldItems : OldItems + "," + OldSpeakerLabels;

        var items = await ReadItemsAsync(Doc(results), seekable: seekable);

        Assert.Equal(["Good", "morning", ".", "Hi", "."], items.Select(i => i.Content));
        Assert.Equal(["spk_0", "spk_0", "spk_0", "spk_1", "spk_1"], items.Select(i => i.Speaker));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Speaker_segments_are_joined_when_the_items_stream_in_the_first_pass(bool seekable)
    {
        // Job name, speaker labels and entities before the items: the items stream directly, and the speaker labels
        // are loaded from where the first pass found them (the input, or the spool when it cannot seek).
        var json = Doc(OldSpeakerLabels + ",\"entities\":[]," + OldItems);

        var items = await ReadItemsAsync(json, seekable: seekable);

        Assert.Equal(["spk_0", "spk_0", "spk_0", "spk_1", "spk_1"], items.Select(i => i.Speaker));
    }

    [Fact]
    public async Task A_word_missing_from_the_segment_items_takes_the_speaker_of_the_segment_around_it()
    {
        var labels = "\"speaker_labels\":{\"speakers\":1,\"segments\":[{\"start_time\":\"0.0\",\"speaker_label\":\"spk_3\",\"end_time\":\"1.0\",\"items\":[]}]}";

        var items = await ReadItemsAsync(Doc(labels + ",\"items\":[" + Word("alone", "0.2", "0.3") + "]"));

        Assert.Equal("spk_3", Assert.Single(items).Speaker);
    }

    private static readonly string Channels = "\"channel_labels\":{\"channels\":["
        + "{\"channel_label\":\"ch_0\",\"items\":[" + Word("Thanks", "1.0", "1.2") + "," + Mark(",") + "," + Word("bye", "3.0", "3.2") + "," + Mark(".") + "]},"
        + "{\"channel_label\":\"ch_1\",\"items\":[" + Word("Hello", "0.5", "0.8") + "," + Mark(".") + "," + Word("Sure", "2.0", "2.2") + "," + Mark("!") + "]}"
        + "],\"number_of_channels\":2}";

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Channels_are_merged_by_time_with_each_mark_after_its_word(bool channelsFirst, bool seekable)
    {
        // results.items repeats the words without channels (older layout): the channel lists win.
        var plain = "\"items\":[" + Word("Hello", "0.5", "0.8") + "]";
        var results = channelsFirst ? Channels + "," + plain : plain + "," + Channels;

        var items = await ReadItemsAsync(Doc(results), seekable: seekable);

        Assert.Equal(["Hello", ".", "Thanks", ",", "Sure", "!", "bye", "."], items.Select(i => i.Content));
        Assert.Equal(["ch_1", "ch_1", "ch_0", "ch_0", "ch_1", "ch_1", "ch_0", "ch_0"], items.Select(i => i.Channel));
        Assert.Equal(Enumerable.Range(0, 8), items.Select(i => i.Index));
    }

    [Fact]
    public async Task Empty_channel_labels_leave_the_plain_items_in_place()
    {
        var items = await ReadItemsAsync(Doc("\"channel_labels\":{\"channels\":[],\"number_of_channels\":0},\"items\":[" + Word("solo", "0.1", "0.2") + "]"));

        Assert.Equal("solo", Assert.Single(items).Content);
    }

    [Fact]
    public async Task Redacted_words_are_marked_and_carry_no_confidence()
    {
        var redacted = "{\"start_time\":\"1.0\",\"end_time\":\"1.5\",\"alternatives\":[{\"redactions\":[{\"confidence\":\"0.99\",\"type\":\"PII\",\"category\":\"PII\"}],\"content\":\"[PII]\"}],\"type\":\"pronunciation\"}";

        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("name", "0.5", "0.9") + "," + redacted + "]"));

        Assert.False(items[0].IsRedacted);
        Assert.True(items[1].IsRedacted);
        Assert.Equal("[PII]", items[1].Content);
        Assert.Null(items[1].Confidence);
    }

    private const string Entities = "\"entities\":[{\"endTime\":2.3,\"startTime\":1.0,\"category\":\"PHI\",\"confidence\":0.99,\"content\":\"Jane Doe\"},"
        + "{\"endTime\":\"4.0\",\"startTime\":\"3.5\",\"category\":\"PHI\",\"confidence\":\"0.9\",\"content\":\"42\"}]";

    private static readonly string MedicalItems = "\"items\":[" + Word("name", "0.5", "0.9") + "," + Word("Jane", "1.0", "1.4") + "," + Word("Doe", "1.5", "2.3") + ","
        + Mark(".") + "," + Word("age", "3.0", "3.4") + "," + Word("42", "3.5", "4.0") + "]";

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Words_inside_a_PHI_entity_span_are_marked_wherever_the_entities_sit(bool entitiesFirst, bool seekable)
    {
        var results = entitiesFirst ? Entities + "," + MedicalItems : MedicalItems + "," + Entities;

        var items = await ReadItemsAsync(Doc(results), seekable: seekable);

        Assert.Equal([false, true, true, false, false, true], items.Select(i => i.IsPhi));
        Assert.Equal([null, "PHI", "PHI", null, null, "PHI"], items.Select(i => i.PhiCategory));
    }

    [Fact]
    public async Task Only_the_first_alternative_counts()
    {
        var item = "{\"start_time\":\"0.1\",\"end_time\":\"0.2\",\"alternatives\":[{\"confidence\":\"0.7\",\"content\":\"there\"},{\"confidence\":\"0.2\",\"content\":\"their\"}],\"type\":\"pronunciation\"}";

        var items = await ReadItemsAsync(Doc("\"items\":[" + item + "]"));

        Assert.Equal(("there", 0.7), (Assert.Single(items).Content, items[0].Confidence!.Value));
    }

    [Theory]
    [InlineData("\"items\":[]")]
    [InlineData("\"speaker_labels\":{\"speakers\":1,\"segments\":[]},\"items\":[]")]
    [InlineData("\"transcripts_only\":true")]
    public async Task A_transcript_without_items_yields_nothing(string results)
    {
        Assert.Empty(await ReadItemsAsync(Doc(results)));
        Assert.Empty(await ReadItemsAsync(Doc(results), seekable: false));
    }

    [Fact]
    public async Task A_single_speaker_file_without_speaker_labels_reads_with_no_speaker()
    {
        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("alone", "0.1", "0.2") + "," + Mark(".") + "]"));

        Assert.All(items, i => Assert.Null(i.Speaker));
        Assert.All(items, i => Assert.Null(i.SpeakerName));
    }

    [Fact]
    public async Task Speaker_names_map_labels_case_insensitively_and_fall_back_to_the_label()
    {
        var options = new TranscriptReadOptions { SpeakerNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["SPK_0"] = "Dr. Lee" } };

        var items = await ReadItemsAsync(Doc(OldSpeakerLabels + "," + OldItems), options: options);

        Assert.Equal(["Dr. Lee", "Dr. Lee", "Dr. Lee", "spk_1", "spk_1"], items.Select(i => i.SpeakerName));
    }

    [Fact]
    public async Task Speaker_names_map_channels_too()
    {
        var options = new TranscriptReadOptions { SpeakerNames = new Dictionary<string, string> { ["ch_0"] = "Agent", ["ch_1"] = "Caller" } };

        var items = await ReadItemsAsync(Doc(Channels), options: options);

        Assert.Equal(["Caller", "Caller", "Agent", "Agent", "Caller", "Caller", "Agent", "Agent"], items.Select(i => i.SpeakerName));
    }

    [Fact]
    public async Task The_job_name_comes_from_the_file_even_after_the_results()
    {
        var json = "{\"accountId\":\"1\",\"results\":{\"items\":[" + Word("a", "0.1", "0.2") + "]},\"jobName\":\"late-name\",\"status\":\"COMPLETED\"}";

        Assert.Equal("late-name", Assert.Single(await ReadItemsAsync(json)).JobName);
        Assert.Equal("late-name", Assert.Single(await ReadItemsAsync(json, seekable: false)).JobName);
    }

    [Theory]
    [InlineData("s3://bucket/out/my-job.json", "my-job")]
    [InlineData("C:\\out\\visit 12.json", "visit 12")]
    [InlineData("/tmp/transcript", "transcript")]
    public async Task Without_a_job_name_in_the_file_the_file_name_is_the_job_name(string source, string expected)
    {
        var json = "{\"results\":{\"items\":[" + Word("a", "0.1", "0.2") + "]}}";

        Assert.Equal(expected, Assert.Single(await ReadItemsAsync(json, source)).JobName);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped()
    {
        var items = await ReadItemsAsync("\uFEFF" + Doc("\"items\":[" + Word("a", "0.1", "0.2") + "]"));

        Assert.Equal("a", Assert.Single(items).Content);
    }

    [Fact]
    public async Task Non_seekable_input_reads_the_same_as_seekable_input()
    {
        var json = Doc(OldSpeakerLabels + "," + Entities + "," + MedicalItems + ",\"segments\":[{\"x\":1}]");

        Assert.Equal(await ReadItemsAsync(json), await ReadItemsAsync(json, seekable: false));
    }

    [Fact]
    public async Task Input_arriving_a_few_bytes_at_a_time_reads_the_same()
    {
        var json = Doc(OldSpeakerLabels + "," + Entities + "," + MedicalItems);
        using var trickle = new ForwardOnlyStream(Open(json, seekable: true), maxChunk: 3);
        var items = await TranscriptReader.ReadItemsAsync(trickle, "trickle.json", NoNames, CancellationToken.None).ToListAsync();

        Assert.Equal(await ReadItemsAsync(json), items);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public async Task Items_larger_than_the_read_buffer_are_read_whole()
    {
        var longWord = new string('x', JsonCursor.InitialBufferSize * 3);

        var items = await ReadItemsAsync(Doc("\"items\":[" + Word("a", "0.1", "0.2") + "," + Word(longWord, "0.3", "0.4") + "]"), seekable: false);

        Assert.Equal(longWord, items[1].Content);
    }

    [Fact]
    public async Task Cancellation_stops_the_read()
    {
        using var cts = new CancellationTokenSource();
        using var stream = new GeneratedTranscriptStream(100_000, sideDataFirst: true);
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in TranscriptReader.ReadItemsAsync(stream, "gen.json", NoNames, cts.Token))
            {
                if (++seen == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(seen < 100_000);
    }
}
