using System.Globalization;
using System.Text;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Analytics;

/// <summary>
/// Call analytics output read a turn at a time (issue 9 item 6): the job name and channels after Transcript (as the
/// service writes them), many buffer refills, seekable or not, turns in order or not — the same items in the same order.
/// </summary>
public sealed class CallAnalyticsStreamingTests
{
    /// <summary>A call of <paramref name="turns"/> turns alternating AGENT/CUSTOMER, each overlapping the one before.</summary>
    private static (string Json, List<(long Key, int Position, string Text)> Expected) Call(int turns, bool shuffle)
    {
        var json = new StringBuilder("{\"JobStatus\":\"COMPLETED\",\"LanguageCode\":\"en-US\",\"Transcript\":[");
        var expected = new List<(long Key, int Position, string Text)>();
        var written = new List<string>();
        var byTurn = new List<(long Begin, List<(long Key, string Text)> Items)>();
        for (int t = 0; t < turns; t++)
        {
            var role = t % 2 == 0 ? "AGENT" : "CUSTOMER";
            long begin = t * 1000L;
            var turn = new StringBuilder();
            var items = new List<(long Key, string Text)>();
            turn.Append(CultureInfo.InvariantCulture, $"{{\"ParticipantRole\":\"{role}\",\"BeginOffsetMillis\":{begin},\"EndOffsetMillis\":{begin + 1500},\"Content\":\"turn {t}\",\"Items\":[");
            for (int i = 0; i < 6; i++)
            {
                long start = begin + i * 250;
                var word = $"{role[0]}{t}w{i}";
                turn.Append(CultureInfo.InvariantCulture, $"{{\"Type\":\"pronunciation\",\"Content\":\"{word}\",\"Confidence\":0.9,\"BeginOffsetMillis\":{start},\"EndOffsetMillis\":{start + 200}}},");
                items.Add((start, word));
            }

            turn.Append("{\"Type\":\"punctuation\",\"Content\":\".\"}]}");
            items.Add((items[^1].Key, "."));
            written.Add(turn.ToString());
            byTurn.Add((begin, items));
        }

        // The reference: turns by begin time, then every item by (key, position), as the whole-file reader did.
        var position = 0;
        foreach (var (_, items) in byTurn.OrderBy(t => t.Begin))
        {
            foreach (var (key, text) in items)
            {
                expected.Add((key, position++, text));
            }
        }

        expected = [.. expected.OrderBy(e => e.Key).ThenBy(e => e.Position)];
        if (shuffle)
        {
            // Every pair of turns swapped: out of time order, as a hand-edited file may be.
            for (int t = 0; t + 1 < written.Count; t += 2)
            {
                (written[t], written[t + 1]) = (written[t + 1], written[t]);
            }
        }

        json.Append(string.Join(',', written));
        json.Append("],\"ContentMetadata\":{\"Output\":\"Raw\"},\"JobName\":\"streamed\",\"ChannelDefinitions\":[{\"ChannelId\":0,\"ParticipantRole\":\"AGENT\"},{\"ChannelId\":1,\"ParticipantRole\":\"CUSTOMER\"}]}");
        return (json.ToString(), expected);
    }

    private static async Task<List<TranscriptItem>> Items(string json, bool seekable, int maxChunk = int.MaxValue)
    {
        var memory = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await using Stream stream = seekable ? memory : new ForwardOnlyStream(memory, maxChunk: maxChunk);
        return await TranscriptReader.ReadItemsAsync(stream, "calls/streamed.json", NoNames, CancellationToken.None).ToListAsync();
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task Items_merge_by_time_across_refills_with_job_name_and_channels_read_after_the_turns(bool seekable, bool shuffled)
    {
        var (json, expected) = Call(turns: 800, shuffled);
        Assert.True(json.Length > 4 * JsonCursor.InitialBufferSize);

        var items = await Items(json, seekable, maxChunk: 1000);

        Assert.Equal(expected.Select(e => e.Text), items.Select(i => i.Content));
        Assert.Equal(Enumerable.Range(0, items.Count), items.Select(i => i.Index));
        Assert.All(items, i => Assert.Equal("streamed", i.JobName));
        Assert.All(items, i => Assert.Equal(i.Speaker == "AGENT" ? "ch_0" : "ch_1", i.Channel));
        var timed = items.Where(i => i.StartTime is not null).Select(i => i.StartTime!.Value).ToList();
        Assert.Equal(timed.Order(), timed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Turns_come_out_in_time_order_whatever_the_file_order(bool seekable)
    {
        var (json, _) = Call(turns: 40, shuffle: true);
        var memory = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await using Stream stream = seekable ? memory : new ForwardOnlyStream(memory);

        var turns = await TranscriptReader.ReadTurnsAsync(stream, "calls/streamed.json", NoNames, CancellationToken.None).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 40).Select(t => $"turn {t}"), turns.Select(t => t.Text));
        Assert.Equal(Enumerable.Range(0, 40).Select(t => t * 1.0), turns.Select(t => t.StartTime!.Value));
    }

    [Fact]
    public async Task A_turn_larger_than_the_value_cap_is_refused_with_the_file_named()
    {
        var huge = new string('a', JsonCursor.MaxValueSize + 10);
        var json = $"{{\"JobName\":\"big\",\"Transcript\":[{{\"ParticipantRole\":\"AGENT\",\"Content\":\"{huge}\"}}]}}";

        var error = await Assert.ThrowsAsync<TranscriptFormatException>(() => Items(json, seekable: false));

        Assert.Contains("'calls/streamed.json' has a single JSON value larger than 8 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_typed_call_level_value_is_named_by_its_path()
    {
        const string json = """{ "Transcript": [], "ConversationCharacteristics": { "TotalConversationDurationMillis": { "x": 1 } } }""";
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = await Assert.ThrowsAsync<TranscriptFormatException>(() => CallAnalyticsInsightReader.ReadAsync(stream, "calls/odd.json", CancellationToken.None));

        Assert.Contains("'calls/odd.json' has ConversationCharacteristics.TotalConversationDurationMillis of the wrong type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_insight_keeps_detections_in_time_order_of_their_turns()
    {
        const string json = """
        { "Transcript": [
            { "ParticipantRole": "CUSTOMER", "BeginOffsetMillis": 3000, "EndOffsetMillis": 4000, "Content": "second issue",
              "IssuesDetected": [ { "CharacterOffsets": { "Begin": 0, "End": 6 } } ] },
            { "ParticipantRole": "AGENT", "BeginOffsetMillis": 1000, "EndOffsetMillis": 2000, "Content": "first issue",
              "IssuesDetected": [ { "CharacterOffsets": { "Begin": 0, "End": 5 } } ], "Items": [ { "Content": 5 } ] } ] }
        """;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var insight = await CallAnalyticsInsightReader.ReadAsync(stream, "calls/i.json", CancellationToken.None);

        // Items are read past for the insight (a wrong-typed one included): only the call-level figures count.
        Assert.Equal(["first", "second"], insight.Issues.Select(i => i.Text));
        Assert.Equal(["Agent", "Customer"], insight.Issues.Select(i => i.Participant));
    }

    /// <summary>Seekable, but neither a file nor memory (as the ranged S3 stream): counts the bytes read from it.</summary>
    private sealed class CountingSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_call_is_read_once_for_its_turns_and_insight_and_a_network_stream_is_fetched_once()
    {
        var (json, _) = Call(turns: 400, shuffle: false);
        var bytes = Encoding.UTF8.GetBytes(json);
        var network = new CountingSeekableStream(bytes);

        var read = await CallAnalyticsReader.ReadCallAsync(network, "s3://calls/streamed.json", NoNames, CancellationToken.None);
        var turns = await TranscriptReader.ReadTurnsAsync(new MemoryStream(bytes), "s3://calls/streamed.json", NoNames, CancellationToken.None).ToListAsync();
        var insight = await CallAnalyticsInsightReader.ReadAsync(new MemoryStream(bytes), "s3://calls/streamed.json", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(turns.Select(t => (t.JobName, t.Index, t.Text, t.StartTime, t.EndTime, t.Participant, t.Channel, t.WordCount)),
            read.Value.Turns.Select(t => (t.JobName, t.Index, t.Text, t.StartTime, t.EndTime, t.Participant, t.Channel, t.WordCount)));
        Assert.Equal(insight.JobName, read.Value.Insight.JobName);
        Assert.Equal("streamed", read.Value.Insight.JobName);
        // The schema probe reads the first bytes again; the turns come from the private copy, not a second fetch.
        Assert.InRange(network.BytesRead, bytes.Length, bytes.Length + 64 * 1024);
    }

    [Fact]
    public async Task A_standard_transcript_is_not_a_call()
    {
        var json = """{ "jobName": "std", "results": { "transcripts": [ { "transcript": "hi" } ], "items": [] }, "status": "COMPLETED" }""";

        var read = await CallAnalyticsReader.ReadCallAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "std.json", NoNames, CancellationToken.None);

        Assert.Null(read);
    }
}
