using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Transcripts;

public class TurnBuilderTests
{
    private static int _index;

    private static TranscriptItem W(string content, double start, string? speaker = "spk_0", double? confidence = 0.9, string job = "job-1", bool redacted = false, string? channel = null)
        => new()
        {
            JobName = job,
            Index = _index++,
            Type = TranscriptItemType.Pronunciation,
            Content = content,
            Confidence = confidence,
            StartTime = start,
            EndTime = start + 0.25,
            Speaker = speaker,
            SpeakerName = speaker,
            Channel = channel,
            IsRedacted = redacted,
        };

    private static TranscriptItem P(string mark, string? speaker = "spk_0", string job = "job-1")
        => new() { JobName = job, Index = _index++, Type = TranscriptItemType.Punctuation, Content = mark, Speaker = speaker, SpeakerName = speaker };

    private static List<TranscriptTurn> Build(params TranscriptItem[] items)
    {
        var builder = new TurnBuilder();
        var turns = new List<TranscriptTurn>();
        foreach (var item in items)
        {
            if (builder.Add(item) is { } turn)
            {
                turns.Add(turn);
            }
        }

        if (builder.Complete() is { } last)
        {
            turns.Add(last);
        }

        return turns;
    }

    [Fact]
    public void Marks_attach_to_the_word_before_them_with_a_space_after()
    {
        var turn = Assert.Single(Build(W("Hello", 0), P(","), W("world", 1), P("."), W("Ready", 2), P("?"), W("Yes", 3), P("!"), W("a", 4), P(";"), W("b", 5), P(":"), W("c", 6)));

        Assert.Equal("Hello, world. Ready? Yes! a; b: c", turn.Text);
    }

    [Fact]
    public void Opening_marks_attach_to_the_word_after_them()
    {
        var turn = Assert.Single(Build(W("Dijo", 0), P("¿"), W("qué", 1), P("?")));

        Assert.Equal("Dijo ¿qué?", turn.Text);
    }

    [Fact]
    public void A_speaker_change_finishes_the_turn_with_its_counts_times_and_mean_confidence()
    {
        var builder = new TurnBuilder();

        Assert.Null(builder.Add(W("Good", 1.0, confidence: 0.8)));
        Assert.Null(builder.Add(W("morning", 1.5, confidence: null)));
        Assert.Null(builder.Add(P(".")));
        var first = builder.Add(W("Hi", 3.0, speaker: "spk_1"));
        var second = builder.Complete();

        Assert.NotNull(first);
        Assert.Equal(("Good morning.", 2, 1.0, 1.75, 0.8, "spk_0", 0), (first.Text, first.WordCount, first.StartTime, first.EndTime, first.Confidence, first.Speaker, first.Index));
        Assert.NotNull(second);
        Assert.Equal(("Hi", "spk_1", 1), (second.Text, second.Speaker, second.Index));
        Assert.Null(builder.Complete());
    }

    [Fact]
    public void Confidence_is_null_when_no_word_carries_one()
    {
        var turn = Assert.Single(Build(W("[PII]", 0, confidence: null, redacted: true)));

        Assert.Null(turn.Confidence);
        Assert.True(turn.IsRedacted);
    }

    [Fact]
    public void A_turn_is_redacted_when_any_of_its_words_is()
    {
        var turns = Build(W("My", 0), W("name", 1), W("[PII]", 2, confidence: null, redacted: true), W("Thanks", 3, speaker: "spk_1"));

        Assert.Equal([true, false], turns.Select(t => t.IsRedacted));
        Assert.Equal(0.9, turns[0].Confidence);
    }

    [Fact]
    public void Interleaved_jobs_start_new_turns_and_count_turns_per_job()
    {
        var turns = Build(W("a", 0, job: "A"), W("b", 0, job: "B"), W("c", 1, job: "A"), W("d", 2, job: "A", speaker: "spk_1"), W("e", 1, job: "B"));

        Assert.Equal(["A:0:a", "B:0:b", "A:1:c", "A:2:d", "B:1:e"], turns.Select(t => $"{t.JobName}:{t.Index}:{t.Text}"));
    }

    [Fact]
    public void Channel_changes_split_turns_when_there_are_no_speakers()
    {
        var turns = Build(W("Hello", 0, speaker: null, channel: "ch_0"), P(".", speaker: null), W("Hi", 1, speaker: null, channel: "ch_1"));

        Assert.Equal([("ch_0", "Hello."), ("ch_1", "Hi")], turns.Select(t => (t.Channel!, t.Text)));
    }

    [Fact]
    public void A_mark_of_another_job_does_not_join_the_open_turn()
    {
        var turns = Build(W("a", 0, job: "A"), P(".", job: "B"));

        Assert.Equal(["a", "."], turns.Select(t => t.Text));
    }
}
