using TranscribePS.Core.Export;
using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Export.ExportTestData;

namespace TranscribePS.Tests.Export;

public class SubtitleCueBuilderTests
{
    private static List<SubtitleCue> Cues(IEnumerable<TranscriptItem> items, bool label = false, SubtitleRules? rules = null)
    {
        var builder = new SubtitleCueBuilder(rules ?? SubtitleRules.Default, label);
        var cues = new List<SubtitleCue>();
        foreach (var item in items)
        {
            if (builder.Add(item) is { } cue)
            {
                cues.Add(cue);
            }
        }

        if (builder.Complete() is { } last)
        {
            cues.Add(last);
        }

        return cues;
    }

    [Fact]
    public void Every_cue_keeps_to_two_lines_of_42_characters_and_seven_seconds()
    {
        var cues = Cues(Speech(600, word: "supercalifragilistic"[..7]), label: true);

        Assert.True(cues.Count > 50);
        Assert.All(cues, cue =>
        {
            Assert.InRange(cue.Lines.Count, 1, 2);
            Assert.All(cue.Lines, line => Assert.InRange(line.Length, 1, 42));
            Assert.InRange(cue.End - cue.Start, 0, 7.0);
        });
    }

    [Fact]
    public void Every_word_lands_in_exactly_one_cue_in_order()
    {
        var items = Speech(300).ToList();
        var cues = Cues(items);

        var words = cues.SelectMany(c => c.Lines).SelectMany(l => l.Split(' ')).Select(w => w.TrimEnd('.')).ToList();
        Assert.Equal(items.Where(i => i.Type == TranscriptItemType.Pronunciation).Select(i => i.Content), words);
        Assert.Equal(Enumerable.Range(1, cues.Count), cues.Select(c => c.Number));
    }

    [Fact]
    public void Cue_times_are_the_first_words_start_and_the_last_words_end()
    {
        var cues = Cues([W("Hello", 1.234, 1.5), W("there", 1.6, 2.345), P("."), W("Next", 4.0, 4.4)]);

        Assert.Equal(2, cues.Count);
        Assert.Equal((1.234, 2.345), (cues[0].Start, cues[0].End));
        Assert.Equal(["Hello there."], cues[0].Lines);
        Assert.Equal((4.0, 4.4), (cues[1].Start, cues[1].End));
    }

    [Fact]
    public void A_change_of_speaker_starts_a_cue_and_labels_it_once()
    {
        var cues = Cues([W("Hi", 0, speaker: "spk_0", name: "Ana"), W("Hello", 0.4, speaker: "spk_1", name: "Bo"), W("you", 0.8, speaker: "spk_1", name: "Bo")], label: true);

        Assert.Equal(["Ana: Hi"], cues[0].Lines);
        Assert.Equal(["Bo: Hello you"], cues[1].Lines);
        Assert.Equal("Bo", cues[1].Speaker);
    }

    [Fact]
    public void A_pause_of_a_second_starts_a_cue_and_a_shorter_one_does_not()
    {
        var cues = Cues([W("one", 0, 0.3), W("two", 1.2, 1.5), W("three", 2.5, 2.8)]);

        Assert.Equal(["one two", "three"], cues.Select(c => c.Lines[0]));
    }

    [Fact]
    public void A_speaker_label_repeats_only_when_the_speaker_changes()
    {
        var items = Speech(40, speaker: "spk_0").Concat(Speech(5, start: 16.5, speaker: "spk_1"));
        var cues = Cues(items, label: true);

        Assert.Equal(2, cues.Count(c => c.Lines[0].StartsWith("spk_", StringComparison.Ordinal)));
        Assert.StartsWith("spk_1:", cues.First(c => c.Speaker == "spk_1").Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_lines_are_balanced()
    {
        var cues = Cues(Enumerable.Range(0, 9).Select(i => W("abcdefg", i * 0.3, i * 0.3 + 0.2)));

        Assert.Single(cues);
        Assert.Equal(2, cues[0].Lines.Count);
        Assert.True(Math.Abs(cues[0].Lines[0].Length - cues[0].Lines[1].Length) <= 8);
    }

    [Fact]
    public void Redacted_words_are_kept_as_the_service_masked_them()
    {
        var cues = Cues([W("My", 0), W("name", 0.3), W("is", 0.6), W("[PII]", 0.9, redacted: true), P(".")]);

        Assert.Equal(["My name is [PII]."], cues[0].Lines);
    }

    [Fact]
    public void Opening_marks_join_the_next_word_and_closing_marks_the_one_before()
    {
        var cues = Cues([P("¿"), W("Qué", 0), W("tal", 0.3), P("?")]);

        Assert.Equal(["¿Qué tal?"], cues[0].Lines);
    }

    [Fact]
    public void A_mark_that_overflows_the_cue_takes_its_word_to_the_next_cue()
    {
        var rules = SubtitleRules.Default with { MaxLineLength = 10, MaxLines = 1 };
        var cues = Cues([W("abcd", 0, 0.2), W("efghi", 0.3, 0.5), P(","), W("x", 0.6, 0.7)], rules: rules);

        Assert.Equal(["abcd", "efghi, x"], cues.Select(c => c.Lines[0]));
        Assert.Equal((0.0, 0.2), (cues[0].Start, cues[0].End));
        Assert.Equal(0.3, cues[1].Start);
    }
}
