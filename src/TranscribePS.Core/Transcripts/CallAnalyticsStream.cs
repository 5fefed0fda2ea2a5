using System.Runtime.CompilerServices;
using System.Text.Json;
using TranscribePS.Core.Analytics;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Reads Call Analytics output with memory bounded by one turn, whatever the file size: <see cref="Utf8JsonReader"/>
/// over a refillable buffer (<see cref="JsonCursor"/>), the call-level sections into <see cref="CallAnalyticsDocument"/>,
/// the <c>Transcript</c> turns one at a time.
/// </summary>
/// <remarks>
/// The job name and channel definitions usually follow <c>Transcript</c>, and items need them, so turns with their items
/// are read in a second pass: from the input again when it can seek, else from a private temp file the first pass copied
/// <c>Transcript</c> into (<see cref="ReplayStore"/>). The first pass also checks that the turns are in time order, as the
/// service writes them; a file whose turns are not (hand-edited) is read whole and sorted. One turn may take up to
/// <see cref="JsonCursor.MaxValueSize"/>; past that the file fails with a clear error.
/// </remarks>
internal static class CallAnalyticsStream
{
    /// <summary>Where the turns are and what the call-level sections say: the result of the first pass.</summary>
    internal sealed record Layout(CallAnalyticsDocument Document, long TranscriptOffset, bool InTimeOrder);

    /// <summary>
    /// One pass for the call-level figures: the call-level sections, and each turn without its items (read past, not
    /// kept or checked) handed to <paramref name="onTurn"/> in file order with its position and time-order key.
    /// </summary>
    public static async Task<CallAnalyticsDocument> ReadCallLevelAsync(Stream input, string source, Action<CaTurn, long> onTurn, CancellationToken cancellationToken)
    {
        var cursor = new JsonCursor(input, source, null, (index, ex) => TurnError(source, index, ex));
        var document = new CallAnalyticsDocument();
        var batch = new List<CaTurn?>();
        await cursor.ExpectAsync(JsonTokenType.StartObject, "(root)", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            var name = cursor.TokenText!;
            if (!IsTranscript(name))
            {
                await document.ReadMemberAsync(cursor, name, source, cancellationToken).ConfigureAwait(false);
                continue;
            }

            document.HasCallAnalyticsMember = true;
            if (!await StartTranscriptAsync(cursor, source, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var keys = new TimeKeys();
            bool more;
            do
            {
                more = await cursor.ReadArrayBatchAsync(CallLevelTurn, batch, cancellationToken).ConfigureAwait(false);
                foreach (var turn in batch)
                {
                    if (turn is not null)
                    {
                        onTurn(turn, keys.Next(turn));
                    }
                }
            }
            while (more);
        }

        return Checked(document, source);
    }

    /// <summary>The first pass for items and turns: call-level sections read, <c>Transcript</c> located and its order checked.</summary>
    public static async Task<Layout> OpenAsync(Stream input, string source, ReplayStore store, CancellationToken cancellationToken)
    {
        var cursor = new JsonCursor(input, source, input.CanSeek ? input.Position : null, (index, ex) => TurnError(source, index, ex));
        var document = new CallAnalyticsDocument();
        long transcriptOffset = -1;
        bool? inOrder = null;
        await cursor.ExpectAsync(JsonTokenType.StartObject, "(root)", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            var name = cursor.TokenText!;
            if (!IsTranscript(name))
            {
                await document.ReadMemberAsync(cursor, name, source, cancellationToken).ConfigureAwait(false);
                continue;
            }

            document.HasCallAnalyticsMember = true;
            if (store.CopyTarget is { } spool)
            {
                // Cannot seek: copy the turns aside; their order is checked in the copy.
                transcriptOffset = await cursor.SkipValueAsync(spool, cancellationToken).ConfigureAwait(false);
                inOrder = null;
            }
            else if (await StartTranscriptAsync(cursor, source, cancellationToken).ConfigureAwait(false))
            {
                transcriptOffset = cursor.TokenOffset;
                inOrder = await ScanOrderAsync(cursor, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                transcriptOffset = -1;
            }
        }

        Checked(document, source);
        if (transcriptOffset >= 0 && inOrder is null)
        {
            var copy = new JsonCursor(store.Source, source, transcriptOffset);
            inOrder = !await StartTranscriptAsync(copy, source, cancellationToken).ConfigureAwait(false)
                || await ScanOrderAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        return new Layout(document, transcriptOffset, inOrder ?? true);
    }

    /// <summary>The turns with their items, in time order (stable; see <see cref="TimeKeys"/>) with each one's key.</summary>
    public static async IAsyncEnumerable<(CaTurn Turn, long Key)> ReadTurnsAsync(Layout layout, ReplayStore store, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (layout.TranscriptOffset < 0)
        {
            yield break;
        }

        var cursor = new JsonCursor(store.Source, source, layout.TranscriptOffset, (index, ex) => TurnError(source, index, ex));
        if (!await StartTranscriptAsync(cursor, source, cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        var keys = new TimeKeys();
        var batch = new List<CaTurn?>();
        var all = layout.InTimeOrder ? null : new List<(long Key, int Position, CaTurn Turn)>();
        bool more;
        do
        {
            more = await cursor.ReadArrayBatchAsync(FullTurn, batch, cancellationToken).ConfigureAwait(false);
            foreach (var turn in batch)
            {
                if (turn is null)
                {
                    continue;
                }

                var key = keys.Next(turn);
                if (all is null)
                {
                    yield return (turn, key);
                }
                else
                {
                    all.Add((key, all.Count, turn));
                }
            }
        }
        while (more);

        if (all is not null)
        {
            // Turns out of time order (never from the service): held whole and sorted, stable.
            all.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Position.CompareTo(b.Position));
            foreach (var (key, _, turn) in all)
            {
                yield return (turn, key);
            }
        }
    }

    private static bool IsTranscript(string name) => string.Equals(name, "Transcript", StringComparison.OrdinalIgnoreCase);

    private static CallAnalyticsDocument Checked(CallAnalyticsDocument document, string source)
        => document.LooksLikeCallAnalytics ? document : throw new TranscriptFormatException(source, Messages.NotCallAnalyticsFile(source));

    /// <summary>After <c>Transcript</c>'s name: true on its <c>[</c>, false for null; anything else is an error.</summary>
    private static async ValueTask<bool> StartTranscriptAsync(JsonCursor cursor, string source, CancellationToken cancellationToken)
    {
        if (!await cursor.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new TranscriptFormatException(source, Messages.TranscriptMalformed(source, cursor.TokenOffset, Messages.TranscriptEndsTooEarly));
        }

        return cursor.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw new TranscriptFormatException(source, Messages.TranscriptUnexpectedShape(source, "Transcript", "a list")),
        };
    }

    /// <summary>After <c>Transcript</c>'s <c>[</c>: reads to its end, true when every turn's key is at least the one before.</summary>
    private static async ValueTask<bool> ScanOrderAsync(JsonCursor cursor, CancellationToken cancellationToken)
    {
        var keys = new TimeKeys();
        var batch = new List<(long? Begin, long? FirstItemBegin, bool Present)>();
        bool inOrder = true;
        long previous = long.MinValue;
        bool more;
        do
        {
            more = await cursor.ReadArrayBatchAsync(ScanTurn, batch, cancellationToken).ConfigureAwait(false);
            foreach (var (begin, firstItemBegin, present) in batch)
            {
                if (present)
                {
                    var key = keys.Next(begin, firstItemBegin);
                    inOrder &= key >= previous;
                    previous = key;
                }
            }
        }
        while (more);

        return inOrder;
    }

    private static string TurnError(string source, long index, TranscriptValueException ex)
        => Messages.CallAnalyticsValueOutOfRange(source, ex.Place is { } place ? $"Transcript[{index}].{place}" : $"Transcript[{index}]", ex.Message);

    /// <summary>
    /// A turn's place in time: its begin time, else its first timed item's, else the key of the turn before it. Turns
    /// sort by it (stably), and a turn's items never sort before it.
    /// </summary>
    internal struct TimeKeys
    {
        private long _previous;

        public long Next(CaTurn turn) => Next(turn.BeginOffsetMillis, turn.FirstItemBeginOffsetMillis);

        public long Next(long? begin, long? firstItemBegin) => _previous = begin ?? firstItemBegin ?? _previous;
    }

    private enum Member
    {
        Other,
        ParticipantRole,
        BeginOffsetMillis,
        EndOffsetMillis,
        Content,
        Sentiment,
        LoudnessScores,
        Items,
        Redaction,
        IssuesDetected,
        OutcomesDetected,
        ActionItemsDetected,
        Type,
        Confidence,
    }

    /// <summary>The member the reader's property name names: exact PascalCase first (the service's), then ignoring case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Member MemberOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("Content"u8)) return Member.Content;
        if (reader.ValueTextEquals("BeginOffsetMillis"u8)) return Member.BeginOffsetMillis;
        if (reader.ValueTextEquals("EndOffsetMillis"u8)) return Member.EndOffsetMillis;
        if (reader.ValueTextEquals("Type"u8)) return Member.Type;
        if (reader.ValueTextEquals("Confidence"u8)) return Member.Confidence;
        if (reader.ValueTextEquals("Items"u8)) return Member.Items;
        if (reader.ValueTextEquals("ParticipantRole"u8)) return Member.ParticipantRole;
        if (reader.ValueTextEquals("Sentiment"u8)) return Member.Sentiment;
        if (reader.ValueTextEquals("LoudnessScores"u8)) return Member.LoudnessScores;
        if (reader.ValueTextEquals("Redaction"u8)) return Member.Redaction;
        if (reader.ValueTextEquals("IssuesDetected"u8)) return Member.IssuesDetected;
        if (reader.ValueTextEquals("OutcomesDetected"u8)) return Member.OutcomesDetected;
        if (reader.ValueTextEquals("ActionItemsDetected"u8)) return Member.ActionItemsDetected;
        if (reader.ValueTextEquals("Id"u8)) return Member.Other;
        return Enum.TryParse<Member>(reader.GetString(), ignoreCase: true, out var member) && member != Member.Other ? member : Member.Other;
    }

    // The parsers below may run on an element cut off by the end of the buffer: then they return null (the cursor
    // drops the result and parses the element again after a refill), and they never throw for a value they did not see.

    private static CaTurn? FullTurn(ref Utf8JsonReader reader) => ParseTurn(ref reader, withItems: true);

    private static CaTurn? CallLevelTurn(ref Utf8JsonReader reader) => ParseTurn(ref reader, withItems: false);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CaTurn? ParseTurn(ref Utf8JsonReader reader, bool withItems)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new TranscriptValueException(Messages.CallAnalyticsNotAnObject);
        }

        var turn = new CaTurn();
        while (true)
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var member = MemberOf(ref reader);
            if (!reader.Read())
            {
                return null;
            }

            switch (member)
            {
                case Member.ParticipantRole:
                    turn.ParticipantRole = JsonValues.ReadString(ref reader, "ParticipantRole");
                    break;
                case Member.Content:
                    turn.Content = JsonValues.ReadString(ref reader, "Content");
                    break;
                case Member.Sentiment:
                    turn.Sentiment = JsonValues.ReadString(ref reader, "Sentiment");
                    break;
                case Member.BeginOffsetMillis:
                    turn.BeginOffsetMillis = Millis(ref reader, "BeginOffsetMillis");
                    break;
                case Member.EndOffsetMillis:
                    turn.EndOffsetMillis = Millis(ref reader, "EndOffsetMillis");
                    break;
                case Member.LoudnessScores when withItems:
                    if (!ReadLoudness(ref reader, turn))
                    {
                        return null;
                    }

                    break;
                case Member.Items when withItems:
                    if (!ReadItems(ref reader, turn))
                    {
                        return null;
                    }

                    break;
                case Member.Items:
                    if (!ScanFirstItemBegin(ref reader, out var firstBegin))
                    {
                        return null;
                    }

                    turn.FirstItemBeginOffsetMillis = firstBegin;
                    break;
                case Member.Redaction:
                    turn.HasRedaction = reader.TokenType != JsonTokenType.Null;
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    break;
                case Member.IssuesDetected or Member.OutcomesDetected or Member.ActionItemsDetected:
                    if (!ReadDetections(ref reader, member.ToString(), out var detections))
                    {
                        return null;
                    }

                    if (member == Member.IssuesDetected)
                    {
                        turn.IssuesDetected = detections;
                    }
                    else if (member == Member.OutcomesDetected)
                    {
                        turn.OutcomesDetected = detections;
                    }
                    else
                    {
                        turn.ActionItemsDetected = detections;
                    }

                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    break;
            }
        }

        CheckSpan(turn.BeginOffsetMillis, turn.EndOffsetMillis);
        return turn;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadItems(ref Utf8JsonReader reader, CaTurn turn)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TranscriptValueException(Messages.TranscriptNotAList("Items"));
        }

        var items = new List<CaItem>();
        for (int index = 0; ; index++)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            CaItem? item;
            try
            {
                item = ParseItem(ref reader);
            }
            catch (TranscriptValueException ex) when (ex.Place is null)
            {
                throw new TranscriptValueException(ex.Message, $"Items[{index}]");
            }

            if (item is null)
            {
                return false;
            }

            turn.FirstItemBeginOffsetMillis ??= item.BeginOffsetMillis;
            items.Add(item);
        }

        turn.Items = items;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CaItem? ParseItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new TranscriptValueException(Messages.CallAnalyticsNotAnObject);
        }

        var item = new CaItem();
        while (true)
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var member = MemberOf(ref reader);
            if (!reader.Read())
            {
                return null;
            }

            switch (member)
            {
                case Member.Type:
                    item.IsPunctuation = reader.TokenType == JsonTokenType.String
                        ? reader.ValueTextEquals("punctuation"u8) || reader.ValueTextEquals("PUNCTUATION"u8)
                          || string.Equals(reader.GetString(), "punctuation", StringComparison.OrdinalIgnoreCase)
                        : JsonValues.ReadString(ref reader, "Type") is { } type && string.Equals(type, "punctuation", StringComparison.OrdinalIgnoreCase);
                    break;
                case Member.Content:
                    item.Content = JsonValues.ReadString(ref reader, "Content");
                    break;
                case Member.Confidence:
                    item.Confidence = JsonValues.ReadConfidence(ref reader, "Confidence");
                    break;
                case Member.BeginOffsetMillis:
                    item.BeginOffsetMillis = Millis(ref reader, "BeginOffsetMillis");
                    break;
                case Member.EndOffsetMillis:
                    item.EndOffsetMillis = Millis(ref reader, "EndOffsetMillis");
                    break;
                case Member.Redaction:
                    item.HasRedaction = reader.TokenType != JsonTokenType.Null;
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return null;
                    }

                    break;
            }
        }

        CheckSpan(item.BeginOffsetMillis, item.EndOffsetMillis);
        return item;
    }

    /// <summary>Times not ending before they start (each time is checked as it is read).</summary>
    private static void CheckSpan(long? begin, long? end)
    {
        if (begin > end)
        {
            throw new TranscriptValueException(Messages.TranscriptEndsBeforeStart(begin.Value / 1000.0, end.Value / 1000.0));
        }
    }

    /// <summary>Milliseconds: a whole number (or a numeric string) that is not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long? Millis(ref Utf8JsonReader reader, string member)
    {
        long value;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value))
        {
        }
        else if (JsonValues.ReadNumber(ref reader, member) is { } number)
        {
            value = Math.Abs(number) < 1e15 && number == Math.Floor(number)
                ? (long)number
                : throw new TranscriptValueException(Messages.TranscriptNumberOutOfRange(member, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            return null;
        }

        return value < 0 ? throw new TranscriptValueException(Messages.TranscriptTimeNegative(member, value)) : value;
    }

    private static bool ReadLoudness(ref Utf8JsonReader reader, CaTurn turn)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TranscriptValueException(Messages.TranscriptNotAList("LoudnessScores"));
        }

        double sum = 0;
        int count = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (JsonValues.ReadNumber(ref reader, "LoudnessScores") is { } score)
            {
                sum += score;
                count++;
            }
        }

        turn.Loudness = count > 0 ? Mean.Of(sum, count) : null;
        return true;
    }

    private static bool ReadDetections(ref Utf8JsonReader reader, string member, out List<JsonElement>? detections)
    {
        detections = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TranscriptValueException(Messages.TranscriptNotAList(member));
        }

        var probe = reader;
        if (!probe.TrySkip())
        {
            return false;
        }

        detections = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            detections.Add(JsonElement.ParseValue(ref reader));
        }

        return true;
    }

    /// <summary>Reads past a turn's items, noting the first item's begin time (only a turn without its own needs it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanFirstItemBegin(ref Utf8JsonReader reader, out long? firstBegin)
    {
        firstBegin = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TrySkip();
        }

        int depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth)
            {
                return true;
            }

            if (firstBegin is null && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 2
                && IsName(ref reader, "BeginOffsetMillis"u8, "BeginOffsetMillis"))
            {
                if (!reader.Read())
                {
                    return false;
                }

                firstBegin = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
            }
        }

        return false;
    }

    /// <summary>The property name is <paramref name="name"/>, as written or in another case (as <see cref="MemberOf"/> takes it).</summary>
    private static bool IsName(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string name)
        => reader.ValueTextEquals(utf8)
           || (reader.ValueSpan.Length == utf8.Length || reader.ValueIsEscaped) && string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A turn's own begin time and its first item's, read leniently (the second pass reports bad values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long? Begin, long? FirstItemBegin, bool Present) ScanTurn(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.TrySkip();
            return (null, null, false);
        }

        long? begin = null;
        long? firstItemBegin = null;
        int depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (IsName(ref reader, "BeginOffsetMillis"u8, "BeginOffsetMillis"))
            {
                if (!reader.Read())
                {
                    break;
                }

                begin = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
            }
            else if (IsName(ref reader, "Items"u8, "Items"))
            {
                if (!reader.Read() || !ScanFirstItemBegin(ref reader, out firstItemBegin))
                {
                    break;
                }
            }
            else if (!reader.Read() || !reader.TrySkip())
            {
                break;
            }
        }

        return (begin, firstItemBegin, true);
    }
}
