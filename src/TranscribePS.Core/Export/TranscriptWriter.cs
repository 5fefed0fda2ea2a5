using System.Text;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>What an export writes besides the transcript itself.</summary>
public sealed record TranscriptExportOptions
{
    /// <summary>The document's title (the job name).</summary>
    public required string Title { get; init; }
    public SubtitleRules Rules { get; init; } = SubtitleRules.Default;
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

    /// <summary>A writer of any format to a file or other stream (text as UTF-8 without a byte order mark).</summary>
    public static TranscriptWriter ForStream(TranscriptFormat format, Stream output, TranscriptExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
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
/// Plain text and Markdown: a title, then one paragraph per turn opening with its start time and speaker. Read from
/// items, a long turn (one speaker, or a transcript without speakers) is cut into paragraphs at the first sentence end
/// after <see cref="ParagraphWords"/> words, so every paragraph keeps a time a reader can find in the recording.
/// </summary>
internal sealed class DocumentTextWriter(TextWriter output, TranscriptExportOptions options, bool markdown) : TranscriptWriter
{
    internal const int ParagraphWords = 80;

    private readonly TurnBuilder _turns = new();
    private bool _started;
    private double _reached;
    private int _words;
    private bool _sentenceEnded;

    public override void Write(TranscriptItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Type == TranscriptItemType.Punctuation)
        {
            _sentenceEnded = item.Content is "." or "?" or "!" or "…" or "。" or "？" or "！";
        }
        else
        {
            if (_sentenceEnded && _words >= ParagraphWords && _turns.Complete() is { } paragraph)
            {
                Write(paragraph);
            }

            _sentenceEnded = false;
            _words++;
        }

        if (_turns.Add(item) is { } turn)
        {
            Write(turn);
        }
    }

    public override void Write(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Start();
        _words = 0;
        // A turn without a time (one of only redacted or untimed items) shows the time the transcript had reached.
        double start = turn.StartTime ?? _reached;
        _reached = Math.Max(_reached, turn.EndTime ?? start);
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
        if (_turns.Complete() is { } last)
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
