using System.Globalization;
using System.Text;
using System.Text.Json;
using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

public class TailProbeTests
{
    private const string Items = """[{"start_time":"0.0","end_time":"0.4","alternatives":[{"confidence":"0.9","content":"John"}],"type":"pronunciation"},{"alternatives":[{"confidence":"0.0","content":"."}],"type":"punctuation"}]""";
    private const string Entities = """[{"startTime":0.0,"endTime":0.5,"category":"PHI","confidence":0.9,"content":"John"}]""";

    [Fact]
    public async Task Entities_after_the_items_are_found_with_where_their_value_starts()
    {
        var json = $$"""{"jobName":"visit","results":{"transcripts":[{"transcript":"John."}],"items":{{Items}},"entities":{{Entities}}},"status":"COMPLETED"}""";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Equal(["entities"], facts.ResultsMembersAfterItems.Keys);
        Assert.Equal(json.IndexOf(Entities, StringComparison.Ordinal), facts.ResultsMembersAfterItems["entities"]);
        Assert.Equal(json.IndexOf("\"COMPLETED\"", StringComparison.Ordinal), facts.RootMembersAfterResults["status"]);
        Assert.Equal(']', json[(int)facts.ItemsEnd]);
        Assert.Equal(json.IndexOf(",\"entities\"", StringComparison.Ordinal) - 1, facts.ItemsEnd);
    }

    [Fact]
    public async Task Side_data_before_the_items_leaves_nothing_after_them()
    {
        var json = $$"""{"jobName":"visit","results":{"transcripts":[],"speaker_labels":{"speakers":1,"segments":[]},"entities":{{Entities}},"items":{{Items}}},"status":"COMPLETED"}""";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Empty(facts.ResultsMembersAfterItems);
        Assert.Equal(["status"], facts.RootMembersAfterResults.Keys);
    }

    [Fact]
    public async Task A_plain_transcript_has_nothing_after_its_items_and_a_job_name_after_the_results_is_found()
    {
        var json = $$"""{"accountId":"1","results":{"transcripts":[],"items":{{Items}}},"status":"COMPLETED","jobName":"late"}""";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Empty(facts.ResultsMembersAfterItems);
        Assert.Equal(json.IndexOf("\"late\"", StringComparison.Ordinal), facts.RootMembersAfterResults["jobName"]);
    }

    [Fact]
    public async Task Keys_with_odd_whitespace_and_pretty_printing_are_still_keys()
    {
        var json = "{\n  \"results\" : {\n    \"items\" :\t[\n      {\"alternatives\" : [ {\"content\" : \"hi\"} ] ,\r\n \"type\"\r\n:\n \"pronunciation\" }\n    ] ,\n    \"entities\"  \r\n\t :  \n [ ] ,\n    \"speaker_labels\"\n:\n{ \"segments\" : [ ] }\n  }\n}\n";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Equal(["entities", "speaker_labels"], facts.ResultsMembersAfterItems.Keys.Order());
        Assert.Equal('[', json[(int)facts.ResultsMembersAfterItems["entities"]]);
        Assert.Equal('{', json[(int)facts.ResultsMembersAfterItems["speaker_labels"]]);
    }

    [Fact]
    public async Task Words_that_spell_member_names_are_content_not_keys()
    {
        var words = string.Join(',', new[] { "entities", "speaker_labels", "channel_labels", "segments", "type", "pronunciation" }
            .Select(w => $$"""{"start_time":"1.0","end_time":"1.2","alternatives":[{"confidence":"0.9","content":"{{w}}"}],"type":"pronunciation"}"""));
        var json = $$"""{"jobName":"j","results":{"transcripts":[{"transcript":"entities: speaker_labels"}],"items":[{{words}}]},"status":"COMPLETED"}""";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Empty(facts.ResultsMembersAfterItems);
    }

    [Fact]
    public async Task Escaped_quotes_in_content_do_not_break_the_pairing_of_strings()
    {
        var json = """{"results":{"items":[{"alternatives":[{"content":"say \"entities\": \\"}],"type":"pronunciation"}],"entities":[]}}""";

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Equal(["entities"], facts.ResultsMembersAfterItems.Keys);
    }

    [Fact]
    public async Task Entities_larger_than_the_first_window_are_found_by_growing_it()
    {
        var json = Document(words: 5_000, entitiesAfter: 3_000);
        Assert.True(Encoding.UTF8.GetByteCount(json[json.IndexOf("\"entities\"", StringComparison.Ordinal)..]) > TailProbe.FirstWindow);

        var facts = await ProbeAsync(json);

        Assert.NotNull(facts);
        Assert.Equal(json.IndexOf("\"entities\":", StringComparison.Ordinal) + "\"entities\":".Length, facts.ResultsMembersAfterItems["entities"]);
    }

    [Fact]
    public async Task The_probe_leaves_the_stream_where_it_was()
    {
        using var stream = Open(Document(words: 100, entitiesAfter: 1), seekable: true);
        stream.Position = 0;

        await TailProbe.ProbeAsync(stream, 0, CancellationToken.None);

        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("""{"results":{"transcripts":[{"transcript":""}]},"status":"COMPLETED"}""")]
    [InlineData("""{"results":{"items":[{"alternatives":[],"type":"WORD"}]}}""")]
    [InlineData("""{"results":{"items":[]}}""")]
    [InlineData("""["not", "an", "object"]""")]
    public void Without_an_items_array_of_word_shaped_elements_the_probe_cannot_decide(string json)
    {
        var outcome = TailProbe.Scan(Encoding.UTF8.GetBytes(json), 0, atStart: true, out var facts);

        Assert.Equal(TailProbe.ScanOutcome.Undecided, outcome);
        Assert.Null(facts);
    }

    [Fact]
    public void A_window_that_ends_inside_a_string_asks_for_more()
    {
        var json = Encoding.UTF8.GetBytes("""{"results":{"items":[{"alternatives":[{"content":"a long word"}],"type":"pronunciation"}],"entities":[]}}""");
        // Inside "pronunciation", the string that would have decided.
        int cut = json.AsSpan().IndexOf("nunciation"u8);

        var outcome = TailProbe.Scan(json.AsSpan(cut), cut, atStart: false, out _);

        Assert.Equal(TailProbe.ScanOutcome.NeedMore, outcome);
    }

    [Fact]
    public async Task Medical_entities_after_the_items_mark_PHI_and_the_first_item_comes_from_the_head_of_the_file()
    {
        var json = Document(words: 100_000, entitiesAfter: 2);
        await using var input = new ReadSizeRecordingStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var items = new List<TranscriptItem>();
        long readBeforeFirst = -1;

        await foreach (var item in TranscriptReader.ReadItemsAsync(input, "medical.json", NoNames, CancellationToken.None))
        {
            if (readBeforeFirst < 0)
            {
                readBeforeFirst = input.BytesRead;
            }

            items.Add(item);
        }

        Assert.Equal(100_000, items.Count);
        Assert.Equal([true, false, true, false], items.Take(4).Select(i => i.IsPhi));
        Assert.All(items.Skip(4), i => Assert.False(i.IsPhi));
        Assert.All(items, i => Assert.Equal("medical", i.JobName));
        // The tail window, the entities and the head of the items: a few buffers, not the 12 MB before them.
        Assert.InRange(readBeforeFirst, 1, 4 * JsonCursor.InitialBufferSize);
        Assert.InRange(input.BytesRead, input.Length, input.Length + 4 * JsonCursor.InitialBufferSize);
    }

    [Fact]
    public async Task Speaker_segments_after_the_items_label_words_that_have_no_speaker_of_their_own()
    {
        var json = """{"results":{"items":[{"start_time":"0.0","end_time":"0.4","alternatives":[{"confidence":"0.9","content":"Hello"}],"type":"pronunciation"},{"start_time":"1.0","end_time":"1.4","alternatives":[{"confidence":"0.9","content":"there"}],"type":"pronunciation"}],"speaker_labels":{"speakers":2,"segments":[{"start_time":"0.0","end_time":"0.5","speaker_label":"spk_0","items":[{"start_time":"0.0","end_time":"0.4","speaker_label":"spk_0"}]},{"start_time":"1.0","end_time":"1.5","speaker_label":"spk_1","items":[{"start_time":"1.0","end_time":"1.4","speaker_label":"spk_1"}]}]}},"jobName":"after"}""";

        var items = await ReadItemsAsync(json);

        Assert.Equal(["spk_0", "spk_1"], items.Select(i => i.Speaker));
        Assert.All(items, i => Assert.Equal("after", i.JobName));
    }

    [SamplesTheory]
    [InlineData("standard_plain__tscribe_01-plain.json")]
    [InlineData("standard_channel-labels__tscribe_02-channel-identification.json")]
    [InlineData("standard_speaker-labels__tscribe_03-speaker-identification.json")]
    [InlineData("standard_alternatives__tscribe_04-alternative-results.json")]
    [InlineData("standard_plain__aws-transcription-to-vtt_expert.json")]
    public async Task On_real_samples_the_probe_finds_exactly_the_members_the_file_has_after_its_items(string name)
    {
        var path = RepoPaths.Sample(name);

        var bytes = await File.ReadAllBytesAsync(path);
        using var document = JsonDocument.Parse(bytes);
        var expectedResults = document.RootElement.GetProperty("results").EnumerateObject().Select(p => p.Name).SkipWhile(n => n != "items").Skip(1);
        var expectedRoot = document.RootElement.EnumerateObject().Select(p => p.Name).SkipWhile(n => n != "results").Skip(1);
        using var stream = new MemoryStream(bytes);

        var facts = await TailProbe.ProbeAsync(stream, 0, CancellationToken.None);

        Assert.NotNull(facts);
        Assert.Equal(expectedResults.Order(), facts.ResultsMembersAfterItems.Keys.Order());
        Assert.Equal(expectedRoot.Order(), facts.RootMembersAfterResults.Keys.Order());
        Assert.Equal((byte)']', bytes[facts.ItemsEnd]);
    }

    private static async Task<TailFacts?> ProbeAsync(string json)
    {
        using var stream = Open(json, seekable: true);
        return await TailProbe.ProbeAsync(stream, 0, CancellationToken.None);
    }

    /// <summary>A medical layout with <paramref name="entitiesAfter"/> entities after the items (every other word from the first).</summary>
    private static string Document(int words, int entitiesAfter)
    {
        var sb = new StringBuilder("""{"jobName":"medical","accountId":"1","results":{"transcripts":[{"transcript":"..."}],"items":[""");
        for (int i = 0; i < words; i++)
        {
            string start = (i * 0.5).ToString("0.0##", CultureInfo.InvariantCulture);
            string end = (i * 0.5 + 0.4).ToString("0.0##", CultureInfo.InvariantCulture);
            sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"start_time":"{{start}}","end_time":"{{end}}","alternatives":[{"confidence":"0.99","content":"w{{i}}"}],"type":"pronunciation"}""");
        }

        sb.Append("""],"entities":[""");
        for (int e = 0; e < entitiesAfter; e++)
        {
            string start = (e * 1.0).ToString("0.0##", CultureInfo.InvariantCulture);
            string end = (e * 1.0 + 0.4).ToString("0.0##", CultureInfo.InvariantCulture);
            sb.Append(e == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"startTime":{{start}},"endTime":{{end}},"category":"PHI","confidence":0.9,"content":"w{{e * 2}}"}""");
        }

        return sb.Append("""]},"status":"COMPLETED"}""").ToString();
    }
}
