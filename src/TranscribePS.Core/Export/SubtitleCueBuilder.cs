using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>
/// Cuts a transcript's items into subtitle cues by <see cref="SubtitleRules"/>, incrementally: <see cref="Add"/>
/// returns a cue as soon as the next word cannot join it; <see cref="Complete"/> returns the last one.
/// </summary>
/// <remarks>
/// A cue's times are its first word's start and its last word's end, so cues keep the service's times to the
/// millisecond. Punctuation carries no time: closing marks join the word before, opening marks the word after. Items
/// without times (a redacted word in some outputs) take the time the transcript had reached. With
/// <c>labelSpeakers</c>, the first cue of each new speaker starts with the speaker's name and a colon (counted in the
/// line length), which is how SubRip shows who speaks.
/// </remarks>
public sealed class SubtitleCueBuilder(SubtitleRules rules, bool labelSpeakers)
{
    private readonly List<string> _texts = [];
    private string _pendingOpen = string.Empty;
    private bool _open;
    private double _lastWordStart;
    private double _endBeforeLastWord;
    private int _realWords;
    private string? _key;
    private string? _name;
    private double _start;
    private double _end;
    private double _lastTime;
    private string? _lastCueSpeaker;
    private bool _anyCue;
    private int _number;

    /// <summary>Adds an item; returns the finished cue when this item could not join it, else null.</summary>
    public SubtitleCue? Add(TranscriptItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Type == TranscriptItemType.Punctuation ? AddMark(item.Content) : AddWord(item);
    }

    /// <summary>Returns the open cue, if any.</summary>
    public SubtitleCue? Complete()
    {
        if (_pendingOpen.Length > 0 && _realWords > 0)
        {
            _texts[^1] += _pendingOpen;
            _pendingOpen = string.Empty;
        }

        return _realWords > 0 ? Close() : null;
    }

    private SubtitleCue? AddWord(TranscriptItem item)
    {
        var text = _pendingOpen + item.Content;
        _pendingOpen = string.Empty;
        double start = item.StartTime ?? _lastTime;
        double end = Math.Max(item.EndTime ?? start, start);
        _lastTime = Math.Max(_lastTime, end);
        var key = string.Concat(item.JobName, "\n", item.Speaker, "\n", item.Channel);

        SubtitleCue? finished = null;
        if (_realWords > 0 && !Joins(key, text, start, end))
        {
            finished = Close();
        }

        if (!_open)
        {
            Open(key, item.SpeakerName ?? item.Speaker, start);
        }

        _texts.Add(text);
        _realWords++;
        _lastWordStart = start;
        _endBeforeLastWord = _end;
        _end = Math.Max(_end, end);
        return finished;
    }

    private bool Joins(string key, string text, double start, double end)
    {
        if (!string.Equals(key, _key, StringComparison.Ordinal)
            || start - _end >= rules.PauseGap
            || end - _start > rules.MaxDuration)
        {
            return false;
        }

        if (EndsSentence(_texts[^1]) && Length(_texts) >= rules.MaxLineLength / 2)
        {
            return false;
        }

        _texts.Add(text);
        bool fits = Fits(_texts);
        _texts.RemoveAt(_texts.Count - 1);
        return fits;
    }

    private SubtitleCue? AddMark(string mark)
    {
        if (IsOpening(mark) || _realWords == 0)
        {
            _pendingOpen += mark;
            return null;
        }

        _texts[^1] += mark;
        if (_realWords < 2 || Fits(_texts))
        {
            return null;
        }

        // The mark pushed the cue over its lines: its word moves, with the mark, to a cue of its own.
        var carried = _texts[^1];
        _texts.RemoveAt(_texts.Count - 1);
        _realWords--;
        var (key, name, start, end) = (_key, _name, _lastWordStart, _end);
        _end = _endBeforeLastWord;
        var finished = Close();
        Open(key!, name, start);
        _texts.Add(carried);
        _realWords = 1;
        _end = end;
        return finished;
    }

    private void Open(string key, string? name, double start)
    {
        _open = true;
        _key = key;
        _name = name;
        _start = start;
        _end = start;
        if (labelSpeakers && name is not null && (!_anyCue || !string.Equals(name, _lastCueSpeaker, StringComparison.Ordinal)))
        {
            _texts.Add(name + ":");
        }
    }

    private SubtitleCue Close()
    {
        var cue = new SubtitleCue(++_number, _start, _end, _name, Layout(_texts));
        _anyCue = true;
        _lastCueSpeaker = _name;
        _texts.Clear();
        _realWords = 0;
        _open = false;
        return cue;
    }

    private bool Fits(List<string> words) => Wrap(words).Count <= rules.MaxLines && words.TrueForAll(w => w.Length <= rules.MaxLineLength);

    /// <summary>One line when the words fit one; two balanced lines when they fit two; else as many as greedy wrapping needs.</summary>
    private List<string> Layout(List<string> words)
    {
        if (Length(words) <= rules.MaxLineLength || rules.MaxLines != 2)
        {
            return Length(words) <= rules.MaxLineLength ? [string.Join(' ', words)] : Wrap(words);
        }

        int best = -1;
        int bestLongest = int.MaxValue;
        for (int split = 1; split < words.Count; split++)
        {
            int first = Length(words, 0, split);
            int second = Length(words, split, words.Count);
            int longest = Math.Max(first, second);
            if (longest <= rules.MaxLineLength && longest < bestLongest)
            {
                (best, bestLongest) = (split, longest);
            }
        }

        return best < 0
            ? Wrap(words)
            : [string.Join(' ', words.GetRange(0, best)), string.Join(' ', words.GetRange(best, words.Count - best))];
    }

    private List<string> Wrap(List<string> words)
    {
        var lines = new List<string>();
        int from = 0;
        while (from < words.Count)
        {
            int to = from + 1;
            while (to < words.Count && Length(words, from, to + 1) <= rules.MaxLineLength)
            {
                to++;
            }

            lines.Add(string.Join(' ', words.GetRange(from, to - from)));
            from = to;
        }

        return lines;
    }

    private static int Length(List<string> words) => Length(words, 0, words.Count);

    private static int Length(List<string> words, int from, int to)
    {
        int length = Math.Max(0, to - from - 1);
        for (int i = from; i < to; i++)
        {
            length += words[i].Length;
        }

        return length;
    }

    private static bool EndsSentence(string word) => word.Length > 0 && word[^1] is '.' or '?' or '!' or '…' or '。' or '？' or '！';

    private static bool IsOpening(string mark) => mark is "¿" or "¡" or "(" or "[" or "{" or "\u201C" or "\u2018";
}
