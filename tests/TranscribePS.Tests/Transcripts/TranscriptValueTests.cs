using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

/// <summary>
/// Wrong-typed and out-of-range values are errors naming the file and the item, never silent nulls or Infinity.
/// Where the service is loose the rule is: numbers may be numeric strings, and null or "" is an absent value.
/// </summary>
public sealed class TranscriptValueTests
{
    private static string Standard(string secondItem) =>
        "{\"jobName\":\"j\",\"results\":{\"items\":[{\"start_time\":\"0.1\",\"end_time\":\"0.2\",\"alternatives\":[{\"confidence\":\"0.9\",\"content\":\"ok\"}],\"type\":\"pronunciation\"},"
        + secondItem + "]}}";

    [Theory]
    [InlineData("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":12345}],\"type\":\"pronunciation\"}", "'content' 12345, which is not text")]
    [InlineData("{\"start_time\":\"abc\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'start_time' \"abc\", which is not a number")]
    [InlineData("{\"start_time\":\"1e400\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'start_time' \"1e400\", which is not a finite number")]
    [InlineData("{\"start_time\":1e400,\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'start_time' 1e400, which is not a finite number")]
    [InlineData("{\"start_time\":\"5.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "ends (1.2 s) before it starts (5 s)")]
    [InlineData("{\"start_time\":\"-1\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'start_time' -1, a time before the start")]
    [InlineData("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"confidence\":\"7\",\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'confidence' 7, outside 0 to 1")]
    [InlineData("{\"start_time\":true,\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'start_time' true, which is not a number")]
    [InlineData("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"speaker_label\":{\"a\":1},\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}", "'speaker_label' an object, which is not text")]
    [InlineData("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":\"x\",\"type\":\"pronunciation\"}", "'alternatives' that is not a list")]
    public async Task A_wrong_value_names_the_file_the_item_and_the_member(string secondItem, string expected)
    {
        foreach (bool seekable in new[] { true, false })
        {
            var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(Standard(secondItem), "out/visit-7.json", seekable: seekable));

            Assert.Equal("out/visit-7.json", ex.SourceName);
            Assert.StartsWith("'out/visit-7.json' has an item it cannot read: item 1 (counting from 0) ", ex.Message, StringComparison.Ordinal);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_item_index_counts_across_buffer_refills()
    {
        var items = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"start_time\":\"{i}.0\",\"end_time\":\"{i}.5\",\"alternatives\":[{{\"content\":\"w{i}\"}}],\"type\":\"pronunciation\"}}"));
        var json = "{\"jobName\":\"j\",\"results\":{\"items\":[" + items + ",{\"start_time\":\"x\",\"alternatives\":[{\"content\":\"w\"}],\"type\":\"pronunciation\"}]}}";

        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(json, "long.json"));

        Assert.Contains("item 5000 (counting from 0)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numeric_strings_null_and_empty_values_follow_the_documented_rule()
    {
        var read = await ReadItemsAsync(Standard("{\"start_time\":\"\",\"end_time\":null,\"alternatives\":[{\"confidence\":null,\"content\":null}],\"type\":\"pronunciation\"}"));

        Assert.Equal(0.1, read[0].StartTime);
        Assert.Equal(0.9, read[0].Confidence);
        Assert.Null(read[1].StartTime);
        Assert.Null(read[1].EndTime);
        Assert.Equal(string.Empty, read[1].Content);
    }

    [Fact]
    public async Task HealthScribe_items_are_held_to_the_same_rule()
    {
        const string json = "{\"Conversation\":{\"TranscriptItems\":[{\"BeginAudioTime\":0.1,\"EndAudioTime\":0.2,\"Type\":\"PRONUNCIATION\",\"Alternatives\":[{\"Confidence\":0.9,\"Content\":42}]}]}}";

        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(json, "scribe.json"));

        Assert.Contains("item 0 (counting from 0) has 'Content' 42, which is not text", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Transcript\":[{\"ParticipantRole\":\"AGENT\",\"BeginOffsetMillis\":0,\"EndOffsetMillis\":10,\"Content\":\"a\"},{\"ParticipantRole\":\"AGENT\",\"BeginOffsetMillis\":\"abc\",\"Content\":\"b\"}]}", "Transcript[1] has 'BeginOffsetMillis' \"abc\", which is not a number")]
    [InlineData("{\"Transcript\":[{\"ParticipantRole\":\"AGENT\",\"BeginOffsetMillis\":500,\"EndOffsetMillis\":10,\"Content\":\"a\"}]}", "Transcript[0] ends (0.01 s) before it starts (0.5 s)")]
    [InlineData("{\"Transcript\":[{\"ParticipantRole\":\"AGENT\",\"Content\":\"a\",\"Items\":[{\"Type\":\"pronunciation\",\"Content\":\"a\",\"Confidence\":3}]}]}", "Transcript[0].Items[0] has 'Confidence' 3, outside 0 to 1")]
    [InlineData("{\"Transcript\":[{\"ParticipantRole\":\"AGENT\",\"Content\":12345}]}", "Transcript[0] has 'Content' 12345, which is not text")]
    public async Task Call_analytics_values_are_named_by_their_place_without_dotnet_type_names(string json, string expected)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => CallAnalyticsReader.ReadItemsAsync(stream, "calls/c.json", "c", new TranscriptReadOptions(), CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TranscribePS.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-16-nobom")]
    public async Task A_utf16_transcript_is_refused_as_utf16(string encoding)
    {
        var text = Standard("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"x\"}],\"type\":\"pronunciation\"}");
        var bytes = encoding switch
        {
            "utf-16" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(text)],
            _ => System.Text.Encoding.Unicode.GetBytes(text),
        };

        using var stream = new MemoryStream(bytes);
        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => TranscriptReader.ReadItemsAsync(stream, "notepad.json", new TranscriptReadOptions(), CancellationToken.None).ToListAsync().AsTask());

        Assert.StartsWith("'notepad.json' is UTF-16 text", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A 60 MB string once peaked at 596 MB: one value is capped, with an error naming the file.</summary>
    [Fact]
    public async Task A_value_larger_than_the_cap_is_refused_before_it_is_held()
    {
        var json = Standard("{\"start_time\":\"1.0\",\"end_time\":\"1.2\",\"alternatives\":[{\"content\":\"" + new string('a', 9 * 1024 * 1024) + "\"}],\"type\":\"pronunciation\"}");

        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(json, "hostile.json", seekable: false));

        Assert.StartsWith("'hostile.json' has a single JSON value larger than 8 MB", ex.Message, StringComparison.Ordinal);
    }
}
