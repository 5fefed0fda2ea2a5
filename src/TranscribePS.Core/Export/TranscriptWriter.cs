using System.Text;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>What an export writes besides the transcript itself.</summary>
public sealed record TranscriptExportOptions
{
    /// <summary>The document's title (the job name).</summary>
    public required string Title { get; init; }
    public SubtitleRules Rules { get; init; } = SubtitleRules.Default;
    /// <summary>Lines of a document's title block, such as the job's kind, language and completion time.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
    /// <summary>A call's analytics, which a Word document shows as tables before the transcript.</summary>
    public CallAnalyticsInsight? Insight { get; init; }
}

/// <summary>
/// Writes one transcript in one format as its items or turns arrive, so a transcript of any length streams through
/// with memory bounded by one cue or one turn. Feed items (a transcript read from its file) or turns (turns piped
/// in, whose words carry no times of their own), then call <see cref="Complete"/> once.
/// </summary>
public abstract class TranscriptWriter
{
    public abstract void Write(TranscriptItem item);

    public abstract void Write(TranscriptTurn turn);

    /// <summary>Writes what is still open and flushes; the output is left open for the caller to close.</summary>
    public abstract void Complete();

    /// <summary>A writer of a text format (all but Docx) to <paramref name="output"/>.</summary>
    public static TranscriptWriter ForText(TranscriptFormat format, TextWriter output, TranscriptExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            TranscriptFormat.Srt => new SubtitleWriter(output, options, webVtt: false),
            TranscriptFormat.Vtt => new SubtitleWriter(output, options, webVtt: true),
            TranscriptFormat.Text => new DocumentTextWriter(output, options, markdown: false),
            TranscriptFormat.Markdown => new DocumentTextWriter(output, options, markdown: true),
            _ => throw new ArgumentException(Messages.ExportFormatNotText(format), nameof(format)),
        };
    }

    /// <summary>
    /// A writer of any format to a file or other stream (text as UTF-8 without a byte order mark; a Word document as
    /// its zip package, part by part). The output is left open.
    /// </summary>
    public static TranscriptWriter ForStream(TranscriptFormat format, Stream output, TranscriptExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (format == TranscriptFormat.Docx)
        {
            return new DocxTranscriptWriter(output, options);
        }

        return ForText(format, new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true), options);
    }

    /// <summary>The name a turn is shown under: -SpeakerName's choice, else the participant or service label.</summary>
    internal static string? SpeakerOf(TranscriptTurn turn) => turn.SpeakerName ?? turn.Participant ?? turn.Speaker;
}

/// <summary>SubRip and WebVTT: cues from <see cref="SubtitleCueBuilder"/>, times to the millisecond.</summary>
internal sealed class SubtitleWriter(TextWriter output, TranscriptExportOptions options, bool webVtt) : TranscriptWriter
{
    // SubRip shows the speaker in the text; WebVTT carries it as a voice span, outside the line length.
    private readonly SubtitleCueBuilder _cues = new(options.Rules, labelSpeakers: !webVtt);
    private bool _started;

    public override void Write(TranscriptItem item) => Emit(_cues.Add(item));

    public override void Write(TranscriptTurn turn)
    {
        foreach (var word in TurnWords.Spread(turn))
        {
            Emit(_cues.Add(word));
        }
    }

    public override void Complete()
    {
        Emit(_cues.Complete());
        Start();
        output.Flush();
    }

    private void Start()
    {
        if (!_started && webVtt)
        {
            output.Write("WEBVTT\n\n");
        }

        _started = true;
    }

    private void Emit(SubtitleCue? cue)
    {
        if (cue is null)
        {
            return;
        }

        Start();
        char fraction = webVtt ? '.' : ',';
        output.Write(cue.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.Write('\n');
        output.Write(Timestamps.Subtitle(cue.Start, fraction));
        output.Write(" --> ");
        output.Write(Timestamps.Subtitle(cue.End, fraction));
        output.Write('\n');
        for (int i = 0; i < cue.Lines.Count; i++)
        {
            if (webVtt)
            {
                if (i == 0 && cue.Speaker is not null)
                {
                    output.Write("<v ");
                    output.Write(EscapeVtt(cue.Speaker));
                    output.Write('>');
                }

                output.Write(EscapeVtt(cue.Lines[i]));
            }
            else
            {
                output.Write(cue.Lines[i]);
            }

            output.Write('\n');
        }

        output.Write('\n');
    }

    private static string EscapeVtt(string text)
        => text.IndexOfAny(['&', '<', '>']) < 0 ? text : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

/// <summary>
/// Turns as paragraphs a reader can follow: consecutive items of one speaker, and a long turn (one speaker, or a
/// transcript without speakers) cut at the first sentence end after <see cref="ParagraphWords"/> words, so every
/// paragraph keeps a time a reader can find in the recording.
/// </summary>
internal sealed class ParagraphBuilder
{
    internal const int ParagraphWords = 80;

    private readonly TurnBuilder _turns = new();
    private int _words;
    private bool _sentenceEnded;

    /// <summary>Adds an item; returns the paragraph this item closed, else null.</summary>
    public TranscriptTurn? Add(TranscriptItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        TranscriptTurn? finished = null;
        if (item.Type == TranscriptItemType.Punctuation)
        {
            _sentenceEnded = item.Content is "." or "?" or "!" or "…" or "。" or "？" or "！";
        }
        else
        {
            if (_sentenceEnded && _words >= ParagraphWords)
            {
                finished = _turns.Complete();
                _words = 0;
            }

            _sentenceEnded = false;
            _words++;
        }

        if (_turns.Add(item) is { } turn)
        {
            finished = turn;
            _words = 1;
        }

        return finished;
    }

    public TranscriptTurn? Complete() => _turns.Complete();
}

/// <summary>Plain text and Markdown: a title, then one paragraph per turn (<see cref="ParagraphBuilder"/>) opening with its start time and speaker.</summary>
internal sealed class DocumentTextWriter(TextWriter output, TranscriptExportOptions options, bool markdown) : TranscriptWriter
{
    private readonly ParagraphBuilder _paragraphs = new();
    private readonly TurnClock _clock = new();
    private bool _started;

    public override void Write(TranscriptItem item)
    {
        if (_paragraphs.Add(item) is { } paragraph)
        {
            Write(paragraph);
        }
    }

    public override void Write(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Start();
        double start = _clock.StartOf(turn);
        var speaker = SpeakerOf(turn);
        if (markdown)
        {
            output.Write("**");
            output.Write(Timestamps.Clock(start));
            if (speaker is not null)
            {
                output.Write(' ');
                output.Write(EscapeMarkdown(speaker));
            }

            output.Write(":** ");
            output.Write(EscapeMarkdown(turn.Text));
        }
        else
        {
            output.Write('[');
            output.Write(Timestamps.Clock(start));
            output.Write("] ");
            if (speaker is not null)
            {
                output.Write(speaker);
                output.Write(": ");
            }

            output.Write(turn.Text);
        }

        output.Write("\n\n");
    }

    public override void Complete()
    {
        if (_paragraphs.Complete() is { } last)
        {
            Write(last);
        }

        Start();
        output.Flush();
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        output.Write(markdown ? "# " + EscapeMarkdown(options.Title) : options.Title);
        output.Write("\n\n");
    }

    /// <summary>Backslash-escapes what Markdown would read as markup, so <c>[PII]</c> shows as written.</summary>
    private static string EscapeMarkdown(string text)
    {
        if (text.AsSpan().IndexOfAny(@"\`*_[]<>#|~") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (@"\`*_[]<>#|~".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

/// <summary>The time a paragraph opens with: its own, or for a turn without one (only untimed items) the time the transcript had reached.</summary>
internal sealed class TurnClock
{
    private double _reached;

    public double StartOf(TranscriptTurn turn)
    {
        double start = turn.StartTime ?? _reached;
        _reached = Math.Max(_reached, turn.EndTime ?? start);
        return start;
    }
}

/// <summary>
/// The words of a turn given without its items (turns piped in): the text split at spaces, each word given a share of
/// the turn's time in proportion to its length, so subtitles can still be cut from it.
/// </summary>
internal static class TurnWords
{
    public static IEnumerable<TranscriptItem> Spread(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var words = turn.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double start = turn.StartTime ?? turn.EndTime ?? 0;
        double span = Math.Max(0, (turn.EndTime ?? start) - start);
        int total = words.Sum(w => w.Length);
        int done = 0;
        for (int i = 0; i < words.Length; i++)
        {
            double from = start + (total == 0 ? 0 : span * done / total);
            done += words[i].Length;
            double to = start + (total == 0 ? span : span * done / total);
            yield return new TranscriptItem
            {
                JobName = turn.JobName,
                Index = i,
                Type = TranscriptItemType.Pronunciation,
                Content = words[i],
                StartTime = from,
                EndTime = to,
                Speaker = turn.Speaker,
                SpeakerName = SpeakerOfTurn(turn),
                Channel = turn.Channel,
            };
        }
    }

    private static string? SpeakerOfTurn(TranscriptTurn turn) => turn.SpeakerName ?? turn.Participant ?? turn.Speaker;
}
