using System.Text;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Groups items into turns incrementally, as a cmdlet receives them from the pipeline: <see cref="Add"/> returns the
/// finished turn when the speaker, channel or job changes; <see cref="Complete"/> flushes the last one.
/// </summary>
/// <remarks>
/// Items of several jobs may arrive interleaved: a change of job always starts a new turn, and turn indexes count per
/// job. Punctuation never starts a turn; it joins the open turn of its job.
/// </remarks>
public sealed class TurnBuilder
{
    private readonly Dictionary<string, int> _nextIndex = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private TranscriptItem? _first;
    private double? _start;
    private double? _end;
    private int _words;
    private int _confidenceCount;
    private double _confidenceSum;
    private bool _redacted;
    private bool _attachNext;

    /// <summary>Adds an item; returns the previous turn when this item starts a new one, else null.</summary>
    public TranscriptTurn? Add(TranscriptItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        TranscriptTurn? finished = null;
        if (_first is not null && !Continues(_first, item))
        {
            finished = Complete();
        }

        if (_first is null)
        {
            _first = item;
        }

        Append(item);
        return finished;
    }

    /// <summary>Returns the open turn, if any, and starts afresh.</summary>
    public TranscriptTurn? Complete()
    {
        if (_first is null)
        {
            return null;
        }

        _nextIndex.TryGetValue(_first.JobName, out int index);
        _nextIndex[_first.JobName] = index + 1;
        var turn = new TranscriptTurn
        {
            JobName = _first.JobName,
            Index = index,
            Speaker = _first.Speaker,
            SpeakerName = _first.SpeakerName,
            Channel = _first.Channel,
            StartTime = _start,
            EndTime = _end,
            Text = _text.ToString(),
            WordCount = _words,
            Confidence = _confidenceCount > 0 ? Mean.Of(_confidenceSum, _confidenceCount) : null,
            IsRedacted = _redacted,
        };

        _first = null;
        _text.Clear();
        _start = null;
        _end = null;
        _words = 0;
        _confidenceCount = 0;
        _confidenceSum = 0;
        _redacted = false;
        _attachNext = false;
        return turn;
    }

    private static bool Continues(TranscriptItem open, TranscriptItem next)
    {
        if (!string.Equals(open.JobName, next.JobName, StringComparison.Ordinal))
        {
            return false;
        }

        if (next.Type == TranscriptItemType.Punctuation)
        {
            return true;
        }

        return string.Equals(open.Speaker, next.Speaker, StringComparison.Ordinal)
            && string.Equals(open.Channel, next.Channel, StringComparison.Ordinal);
    }

    private void Append(TranscriptItem item)
    {
        _redacted |= item.IsRedacted;
        if (item.Type == TranscriptItemType.Punctuation)
        {
            AppendMark(item.Content);
            return;
        }

        if (_text.Length > 0 && !_attachNext)
        {
            _text.Append(' ');
        }

        _text.Append(item.Content);
        _attachNext = false;
        _words++;
        _start ??= item.StartTime;
        _end = item.EndTime ?? _end;
        if (item.Confidence is { } confidence)
        {
            _confidenceSum += confidence;
            _confidenceCount++;
        }
    }

    /// <summary>Closing marks attach to the word before; opening marks (¿ ¡ ( ") to the word after.</summary>
    private void AppendMark(string mark)
    {
        if (IsOpening(mark))
        {
            if (_text.Length > 0 && !_attachNext)
            {
                _text.Append(' ');
            }

            _text.Append(mark);
            _attachNext = true;
            return;
        }

        _text.Append(mark);
        _attachNext = false;
    }

    private static bool IsOpening(string mark) => mark is "¿" or "¡" or "(" or "[" or "{" or "\u201C" or "\u2018";
}
