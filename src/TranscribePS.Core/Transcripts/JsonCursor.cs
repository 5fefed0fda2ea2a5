using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>Parses one complete JSON value at the reader's current (start) token, leaving the reader on its last token.</summary>
internal delegate T JsonValueParser<out T>(ref Utf8JsonReader reader);

/// <summary>
/// A forward-only JSON cursor over a stream: <see cref="Utf8JsonReader"/> over a refillable buffer, so memory stays at
/// the buffer size whatever the file size. The buffer grows only when one value (one item) does not fit.
/// </summary>
/// <remarks>
/// Several cursors may share one seekable stream (the k-way channel merge): a shared cursor seeks to its own position
/// before every read.
/// </remarks>
internal sealed class JsonCursor
{
    internal const int InitialBufferSize = 64 * 1024;
    /// <summary>The most one value (one item, one string) may take: no real item comes near it, and a hostile one stops here.</summary>
    internal const int MaxValueSize = 8 * 1024 * 1024;
    private const int MaxBatch = 512;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly bool _shared;
    private readonly Func<long, TranscriptValueException, string>? _elementError;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private long _readPosition;
    private JsonReaderState _state;

    // Elements of the current array already handed out: the index an item error names.
    private long _elementIndex;

    /// <param name="stream">The input, positioned where the JSON begins (unless <paramref name="sharedStartOffset"/> is given).</param>
    /// <param name="sharedStartOffset">For a seekable stream other cursors also read: where this cursor starts.</param>
    /// <param name="elementError">How an array element's bad value is put into words (index, problem); by default "item N (counting from 0) ...".</param>
    public JsonCursor(Stream stream, string source, long? sharedStartOffset = null, Func<long, TranscriptValueException, string>? elementError = null)
    {
        _stream = stream;
        _source = source;
        _elementError = elementError;
        _shared = sharedStartOffset.HasValue;
        _readPosition = sharedStartOffset ?? (stream.CanSeek ? stream.Position : 0);
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The property name or string value of the last token read by <see cref="ReadAsync"/>.</summary>
    public string? TokenText { get; private set; }

    /// <summary>Stream offset where the last token read by <see cref="ReadAsync"/> starts (a cursor started there reads it first).</summary>
    public long TokenOffset { get; private set; }

    /// <summary>Nesting depth of the last token (the root object's members are at depth 1).</summary>
    public int Depth { get; private set; }

    /// <summary>Stream offset of the first byte not yet consumed.</summary>
    private long ConsumedOffset => _readPosition - (_end - _start);

    /// <summary>Reads the next token; false at the end of the input.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = TryReadToken();
            if (outcome != ReadOutcome.NeedMore)
            {
                return outcome == ReadOutcome.Read;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the next token and fails with a format error unless it has the expected type.</summary>
    public async ValueTask ExpectAsync(JsonTokenType expected, string member, string description, CancellationToken cancellationToken)
    {
        if (!await ReadAsync(cancellationToken).ConfigureAwait(false) || TokenType != expected)
        {
            throw new TranscriptFormatException(_source, Messages.TranscriptUnexpectedShape(_source, member, description));
        }
    }

    /// <summary>
    /// Skips the next value (however large) without holding it in memory. When <paramref name="copyTo"/> is given the
    /// value's bytes are copied there. Returns where the value starts: in <paramref name="copyTo"/> when given, else in
    /// the input stream.
    /// </summary>
    public async ValueTask<long> SkipValueAsync(Stream? copyTo, CancellationToken cancellationToken)
    {
        // Appends: another cursor may have read from the copy (a spool) since the last value was copied.
        long startOffset = copyTo?.Length ?? -1;
        int depth = -1;
        while (true)
        {
            var step = SkipStep(ref depth, copyTo is not null, out var copyFrom, out var copyLength, out var tokenOffset);
            if (startOffset < 0 && tokenOffset >= 0)
            {
                startOffset = tokenOffset;
            }

            if (copyTo is not null && copyLength > 0)
            {
                copyTo.Position = copyTo.Length;
                await copyTo.WriteAsync(_buffer.AsMemory(copyFrom, copyLength), cancellationToken).ConfigureAwait(false);
            }

            if (step)
            {
                _start = copyFrom + copyLength;
                return startOffset;
            }

            _start = copyFrom + copyLength;
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the next complete value with <paramref name="parser"/>, buffering just that value.</summary>
    public async ValueTask<T> ReadValueAsync<T>(JsonValueParser<T> parser, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryParseValue(parser, out var value))
            {
                return value;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the array's StartArray token: parses the elements already buffered (at least one, refilling as needed)
    /// into <paramref name="batch"/>. Returns false once the array's EndArray was consumed; <paramref name="batch"/> may
    /// still hold the last elements then. <paramref name="parser"/> must be free of side effects: it may be run on an
    /// element cut off by the end of the buffer, whose result is dropped and which is parsed again after a refill.
    /// </summary>
    public ValueTask<bool> ReadArrayBatchAsync<T>(JsonValueParser<T> parser, List<T> batch, CancellationToken cancellationToken)
        => ReadBatchAsync(parser, batch, parserIsPure: true, cancellationToken);

    /// <summary>As <see cref="ReadArrayBatchAsync"/>, for a parser with side effects: it only ever sees whole elements.</summary>
    public ValueTask<bool> ReadArrayBatchOfWholeElementsAsync<T>(JsonValueParser<T> parser, List<T> batch, CancellationToken cancellationToken)
        => ReadBatchAsync(parser, batch, parserIsPure: false, cancellationToken);

    private async ValueTask<bool> ReadBatchAsync<T>(JsonValueParser<T> parser, List<T> batch, bool parserIsPure, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        batch.Clear();
        while (true)
        {
            if (ParseAvailable(parser, batch, parserIsPure))
            {
                return false;
            }

            if (batch.Count > 0)
            {
                return true;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private enum ReadOutcome
    {
        Read,
        End,
        NeedMore,
    }

    private ReadOutcome TryReadToken()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            if (!reader.Read())
            {
                return _eof ? ReadOutcome.End : ReadOutcome.NeedMore;
            }

            TokenType = reader.TokenType;
            Depth = reader.CurrentDepth;
            TokenOffset = ConsumedOffset + reader.TokenStartIndex;
            if (TokenType == JsonTokenType.StartArray)
            {
                _elementIndex = 0;
            }

            TokenText = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw Malformed(ex, ConsumedOffset + reader.BytesConsumed);
        }

        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
        return ReadOutcome.Read;
    }

    /// <summary>One synchronous step of <see cref="SkipValueAsync"/>: true when the value ended.</summary>
    private bool SkipStep(ref int depth, bool copying, out int copyFrom, out int copyLength, out long tokenOffset)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        copyFrom = _start;
        tokenOffset = -1;
        bool ended = false;
        long consumed = 0;
        try
        {
            while (reader.Read())
            {
                if (depth < 0)
                {
                    depth = reader.CurrentDepth;
                    tokenOffset = ConsumedOffset + reader.TokenStartIndex;
                    if (copying)
                    {
                        // The copy starts at the value's first token, not at the separator before it.
                        copyFrom = _start + (int)reader.TokenStartIndex;
                    }
                }

                consumed = reader.BytesConsumed;
                if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    ended = true;
                    break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex, ConsumedOffset + reader.BytesConsumed);
        }

        if (!ended && _eof)
        {
            throw new TranscriptFormatException(_source, Messages.TranscriptMalformed(_source, _readPosition, Messages.TranscriptEndsInsideValue));
        }

        _state = reader.CurrentState;
        int consumedEnd = _start + (int)consumed;
        copyLength = consumedEnd - copyFrom;
        if (copyLength < 0)
        {
            copyLength = 0;
            copyFrom = consumedEnd;
        }

        return ended;
    }

    private bool TryParseValue<T>(JsonValueParser<T> parser, out T value)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            var probe = reader;
            if (!probe.Read() || !probe.TrySkip())
            {
                value = default!;
                return false;
            }

            reader.Read();
            value = parser(ref reader);
        }
        catch (TranscriptValueException ex)
        {
            throw new TranscriptFormatException(_source, Messages.TranscriptValueInvalid(_source, ConsumedOffset + reader.BytesConsumed, ex.Message), ex);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw Malformed(ex, ConsumedOffset + reader.BytesConsumed);
        }

        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
        return true;
    }

    /// <summary>Parses whole buffered elements; true when the array's EndArray was consumed.</summary>
    private bool ParseAvailable<T>(JsonValueParser<T> parser, List<T> batch, bool parserIsPure)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        bool ended = false;
        int countBefore = batch.Count;
        try
        {
            while (batch.Count < MaxBatch)
            {
                // Parse straight from a copy; an element cut off by the end of the buffer leaves the copy short of
                // the element's closing token, and is parsed again after the next fill. One scan per element
                // instead of TrySkip's two.
                var attempt = reader;
                if (!attempt.Read())
                {
                    break;
                }

                if (attempt.TokenType == JsonTokenType.EndArray)
                {
                    reader = attempt;
                    ended = true;
                    break;
                }

                var startType = attempt.TokenType;
                int startDepth = attempt.CurrentDepth;
                if (!parserIsPure)
                {
                    // A parser with side effects must only ever see whole elements.
                    var probe = attempt;
                    if (!probe.TrySkip())
                    {
                        break;
                    }
                }

                var element = parser(ref attempt);
                bool complete = startType switch
                {
                    JsonTokenType.StartObject => attempt.TokenType == JsonTokenType.EndObject && attempt.CurrentDepth == startDepth,
                    JsonTokenType.StartArray => attempt.TokenType == JsonTokenType.EndArray && attempt.CurrentDepth == startDepth,
                    _ => true,
                };
                if (!complete)
                {
                    break;
                }

                reader = attempt;
                batch.Add(element);
            }
        }
        catch (TranscriptValueException ex)
        {
            var index = _elementIndex + batch.Count - countBefore;
            throw new TranscriptFormatException(_source, _elementError?.Invoke(index, ex) ?? Messages.TranscriptItemInvalid(_source, index, ex.Message), ex);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw Malformed(ex, ConsumedOffset + reader.BytesConsumed);
        }

        _elementIndex += batch.Count - countBefore;

        if (!ended && batch.Count == 0 && _eof)
        {
            throw new TranscriptFormatException(_source, Messages.TranscriptMalformed(_source, _readPosition, Messages.TranscriptEndsInsideArray));
        }

        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
        return ended;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_eof)
        {
            throw new TranscriptFormatException(_source, Messages.TranscriptMalformed(_source, _readPosition, Messages.TranscriptEndsTooEarly));
        }

        int pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            // One value fills the whole buffer: grow, within a limit no real item comes near.
            if (_buffer.Length >= MaxValueSize)
            {
                throw new TranscriptFormatException(_source, Messages.TranscriptValueTooLarge(_source, ConsumedOffset, MaxValueSize));
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        if (_shared)
        {
            _stream.Position = _readPosition;
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        _readPosition += read;
        if (!_bomChecked)
        {
            SkipByteOrderMark();
        }
    }

    private void SkipByteOrderMark()
    {
        if (_end - _start < 3 && !_eof)
        {
            return;
        }

        _bomChecked = true;
        if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
        {
            _start += 3;
        }
    }

    // The reader says a file cut short "reached end of data": say it in the file's terms.
    private TranscriptFormatException Malformed(Exception ex, long offset)
        => new(_source, Messages.TranscriptMalformed(_source, offset, ex.Message.Contains("end of data", StringComparison.Ordinal) ? Messages.TranscriptEndsTooEarly : ex.Message), ex);
}
