using System.Globalization;
using TranscribePS.Core.Export;
using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Export.ExportTestData;

namespace TranscribePS.Tests.Export;

public class TranscriptWriterTests
{
    private static string Write(TranscriptFormat format, IEnumerable<TranscriptItem> items, string title = "job-1")
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = TranscriptWriter.ForText(format, text, new TranscriptExportOptions { Title = title });
        foreach (var item in items)
        {
            writer.Write(item);
        }

        writer.Complete();
        return text.ToString();
    }

    private static readonly TranscriptItem[] Dialogue =
    [
        W("Hello", 0.5, 0.9, "spk_0", name: "Ana"), P(".", "spk_0"),
        W("Hi", 3661.25, 3661.5, "spk_1", name: "Bo"), W("[PII]", 3661.6, 3662.0, "spk_1", redacted: true, name: "Bo"), P("!", "spk_1"),
    ];

    [Fact]
    public void Srt_numbers_cues_and_writes_times_with_a_comma_to_the_millisecond()
    {
        var srt = Write(TranscriptFormat.Srt, Dialogue);

        Assert.Equal("1\n00:00:00,500 --> 00:00:00,900\nAna: Hello.\n\n2\n01:01:01,250 --> 01:01:02,000\nBo: Hi [PII]!\n\n", srt);
    }

    [Fact]
    public void Vtt_has_its_header_a_dot_in_times_and_the_speaker_as_a_voice_span()
    {
        var vtt = Write(TranscriptFormat.Vtt, Dialogue);

        Assert.Equal("WEBVTT\n\n1\n00:00:00.500 --> 00:00:00.900\n<v Ana>Hello.\n\n2\n01:01:01.250 --> 01:01:02.000\n<v Bo>Hi [PII]!\n\n", vtt);
    }

    [Fact]
    public void Vtt_escapes_what_would_read_as_markup()
    {
        var vtt = Write(TranscriptFormat.Vtt, [W("a<b", 0, name: "R&D")]);

        Assert.Contains("<v R&amp;D>a&lt;b\n", vtt, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_has_the_title_then_a_paragraph_per_turn_with_time_and_speaker()
    {
        var text = Write(TranscriptFormat.Text, Dialogue);

        Assert.Equal("job-1\n\n[00:00:00] Ana: Hello.\n\n[01:01:01] Bo: Hi [PII]!\n\n", text);
    }

    [Fact]
    public void Markdown_escapes_the_masks_so_they_show_as_written()
    {
        var markdown = Write(TranscriptFormat.Markdown, Dialogue, title: "call_1");

        Assert.Equal("# call\\_1\n\n**00:00:00 Ana:** Hello.\n\n**01:01:01 Bo:** Hi \\[PII\\]!\n\n", markdown);
    }

    [Fact]
    public void A_long_turn_is_cut_into_timed_paragraphs_at_sentence_ends()
    {
        var text = Write(TranscriptFormat.Text, Speech(400, speaker: "spk_0"));

        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.InRange(paragraphs.Count, 4, 6);
        Assert.All(paragraphs, p => Assert.Matches(@"^\[\d\d:\d\d:\d\d\] spk_0: .*\.$", p));
        Assert.Equal("[00:00:32] spk_0: word80 ", paragraphs[1][..25]);
    }

    [Fact]
    public void An_empty_transcript_still_gives_a_valid_document()
    {
        Assert.Equal("WEBVTT\n\n", Write(TranscriptFormat.Vtt, []));
        Assert.Equal(string.Empty, Write(TranscriptFormat.Srt, []));
        Assert.Equal("job-1\n\n", Write(TranscriptFormat.Text, []));
    }

    [Fact]
    public void Turns_piped_in_give_cues_with_the_turns_times_spread_over_their_words()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = TranscriptWriter.ForText(TranscriptFormat.Srt, text, new TranscriptExportOptions { Title = "t" });
        writer.Write(new TranscriptTurn { JobName = "t", Index = 0, Participant = "Agent", Speaker = "AGENT", StartTime = 10, EndTime = 12, Text = "ab cd" });
        writer.Complete();

        Assert.Equal("1\n00:00:10,000 --> 00:00:12,000\nAgent: ab cd\n\n", text.ToString());
    }

    [Fact]
    public void Docx_is_not_a_text_format()
    {
        Assert.Throws<ArgumentException>(() => TranscriptWriter.ForText(TranscriptFormat.Docx, TextWriter.Null, new TranscriptExportOptions { Title = "t" }));
    }
}
