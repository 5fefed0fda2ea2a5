using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using TranscribePS.Core.Analytics;

namespace TranscribePS.Core.Transcripts;

/// <summary>Reads Call Analytics output (PascalCase, milliseconds, Transcript[] turns) as items and turns.</summary>
/// <remarks>
/// Streams: memory stays bounded by the turns that overlap in time (see <see cref="CallAnalyticsStream"/>). AGENT and
/// CUSTOMER turns overlap, so their items are merged by time as the turns arrive: a turn's items wait only until no
/// later turn can hold an earlier item.
/// </remarks>
public static class CallAnalyticsReader
{
    /// <summary>Items of every turn, in time order across participants; times converted from ms to seconds.</summary>
    public static IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => ReadItemsAsync(utf8Json, fallbackJobName, fallbackJobName, options, cancellationToken);

    /// <summary>As above; a file that cannot be read fails with <paramref name="sourceName"/> (path or URI) in the message.</summary>
    /// <remarks>
    /// Each item sorts by its own begin time; punctuation (no time) and any item earlier than its predecessor take the
    /// predecessor's key, and a turn's first item starts from the turn's key, so a turn's own order survives and the merge
    /// only interleaves overlapping turns; equal keys keep file order (the earlier turn first).
    /// </remarks>
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string sourceName, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var store = new ReplayStore(utf8Json, localOnly: true);
        var layout = await CallAnalyticsStream.OpenAsync(utf8Json, sourceName, store, cancellationToken).ConfigureAwait(false);
        var merge = new ItemMerge(layout.Document.ResolveJobName(fallbackJobName), new SpeakerLabels(layout.Document, options));
        await foreach (var (turn, key) in CallAnalyticsStream.ReadTurnsAsync(layout, store, sourceName, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            merge.Add(turn, key);
            // No later turn starts before this one, and a turn's items never sort before it: everything up to its key is final.
            while (merge.TryTake(key, out var item))
            {
                yield return item;
            }
        }

        while (merge.TryTake(long.MaxValue, out var item))
        {
            yield return item;
        }
    }

    /// <summary>The items of the turns that may still interleave with later ones, handed out in time order.</summary>
    private sealed class ItemMerge(string jobName, SpeakerLabels labels)
    {
        private readonly List<OpenTurn> _open = [];
        private int _index;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(CaTurn turn, long turnKey)
        {
            if (turn.Items is not { Count: > 0 } items)
            {
                return;
            }

            var keys = new long[items.Count];
            var key = turnKey;
            for (int i = 0; i < items.Count; i++)
            {
                key = Math.Max(key, items[i].BeginOffsetMillis ?? key);
                keys[i] = key;
            }

            _open.Add(new OpenTurn(items, keys, SpeakerLabels.Role(turn), labels.NameOf(turn), labels.ChannelOf(turn)));
        }

        /// <summary>The next item in time order whose key is at most <paramref name="limit"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryTake(long limit, out TranscriptItem item)
        {
            OpenTurn? best = null;
            int bestAt = -1;
            for (int t = 0; t < _open.Count; t++)
            {
                var open = _open[t];
                // Strictly smaller: on equal keys the earlier turn (in time order) goes first.
                if (best is null || open.Keys[open.Next] < best.Keys[best.Next])
                {
                    best = open;
                    bestAt = t;
                }
            }

            if (best is null || best.Keys[best.Next] > limit)
            {
                item = null!;
                return false;
            }

            var source = best.Items[best.Next++];
            if (best.Next == best.Items.Count)
            {
                _open.RemoveAt(bestAt);
            }

            var punctuation = source.IsPunctuation;
            var redacted = source.IsRedacted;
            item = new TranscriptItem
            {
                JobName = jobName,
                Index = _index++,
                Type = punctuation ? TranscriptItemType.Punctuation : TranscriptItemType.Pronunciation,
                Content = source.Content ?? string.Empty,
                Confidence = punctuation || redacted ? null : source.Confidence,
                StartTime = punctuation ? null : Seconds(source.BeginOffsetMillis),
                EndTime = punctuation ? null : Seconds(source.EndOffsetMillis),
                Speaker = best.Speaker,
                SpeakerName = best.Name,
                Channel = best.Channel,
                IsRedacted = redacted,
            };
            return true;
        }

        private sealed class OpenTurn(List<CaItem> items, long[] keys, string? speaker, string? name, string? channel)
        {
            public List<CaItem> Items { get; } = items;
            public long[] Keys { get; } = keys;
            public string? Speaker { get; } = speaker;
            public string? Name { get; } = name;
            public string? Channel { get; } = channel;
            public int Next { get; set; }
        }
    }

    /// <summary>The file's own turns, with participant, sentiment, loudness and issue/outcome/action-item spans.</summary>
    public static IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => ReadTurnsAsync(utf8Json, fallbackJobName, fallbackJobName, options, cancellationToken);

    /// <summary>As above; a file that cannot be read fails with <paramref name="sourceName"/> (path or URI) in the message.</summary>
    public static async IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string sourceName, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var store = new ReplayStore(utf8Json, localOnly: true);
        var layout = await CallAnalyticsStream.OpenAsync(utf8Json, sourceName, store, cancellationToken).ConfigureAwait(false);
        var jobName = layout.Document.ResolveJobName(fallbackJobName);
        var labels = new SpeakerLabels(layout.Document, options);

        var index = 0;
        await foreach (var (turn, _) in CallAnalyticsStream.ReadTurnsAsync(layout, store, sourceName, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToTurn(turn, index++, jobName, labels);
        }
    }

    /// <summary>
    /// Reads a call once for both its turns and its insight (Export-CallAnalyticsReport: one open, one pass over the
    /// network; a seekable network stream is copied to a private temp file for the second pass). Null when the file is
    /// not call analytics output.
    /// </summary>
    public static async Task<(CallAnalyticsInsight Insight, List<TranscriptTurn> Turns)?> ReadCallAsync(Stream utf8Json, string sourceName, TranscriptReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(options);
        var (schema, replay) = await TranscriptSchemaDetector.DetectAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        if (schema != TranscriptSchema.CallAnalytics)
        {
            return null;
        }

        await using var store = new ReplayStore(replay, localOnly: true);
        var layout = await CallAnalyticsStream.OpenAsync(replay, sourceName, store, cancellationToken).ConfigureAwait(false);
        var jobName = layout.Document.ResolveJobName(TranscriptReader.JobNameFromSource(sourceName));
        var labels = new SpeakerLabels(layout.Document, options);
        var detections = new CallAnalyticsInsightReader.Detections();
        var turns = new List<TranscriptTurn>();
        await foreach (var (turn, key) in CallAnalyticsStream.ReadTurnsAsync(layout, store, sourceName, cancellationToken).ConfigureAwait(false))
        {
            detections.Add(turn, key);
            turns.Add(ToTurn(turn, turns.Count, jobName, labels));
        }

        return (CallAnalyticsInsightReader.FromDocument(layout.Document, detections, sourceName), turns);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TranscriptTurn ToTurn(CaTurn turn, int index, string jobName, SpeakerLabels labels)
    {
        var items = turn.ItemList;
        var content = turn.Content ?? JoinItems(items);
        var facts = TurnFacts.Of(items);
        return new TranscriptTurn
        {
            JobName = jobName,
            Index = index,
            Speaker = SpeakerLabels.Role(turn),
            SpeakerName = labels.NameOf(turn),
            Participant = CallAnalyticsText.ParticipantName(turn.ParticipantRole),
            Channel = labels.ChannelOf(turn),
            StartTime = Seconds(turn.BeginOffsetMillis ?? facts.FirstBegin),
            EndTime = Seconds(turn.EndOffsetMillis ?? facts.LastEnd),
            Text = content,
            WordCount = items.Count > 0 ? facts.Words : CountWords(content),
            Confidence = facts.Confidence,
            Sentiment = turn.Sentiment,
            Loudness = turn.Loudness,
            Issues = CallAnalyticsText.Spans(content, turn.IssuesDetected),
            Outcomes = CallAnalyticsText.Spans(content, turn.OutcomesDetected),
            ActionItems = CallAnalyticsText.Spans(content, turn.ActionItemsDetected),
            IsRedacted = facts.AnyRedacted || turn.HasRedaction,
        };
    }

    internal static double? Seconds(long? milliseconds) => milliseconds / 1000.0;

    private static string JoinItems(IReadOnlyList<CaItem> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0 && !item.IsPunctuation)
            {
                text.Append(' ');
            }

            text.Append(item.Content);
        }

        return text.ToString();
    }

    private static int CountWords(string content)
        => content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>What a turn's items say about it, gathered in one pass over them.</summary>
    private readonly record struct TurnFacts(long? FirstBegin, long? LastEnd, int Words, double? Confidence, bool AnyRedacted)
    {
        public static TurnFacts Of(IReadOnlyList<CaItem> items)
        {
            long? firstBegin = null;
            long? lastEnd = null;
            var words = 0;
            double confidenceSum = 0;
            var confidenceCount = 0;
            var anyRedacted = false;
            foreach (var item in items)
            {
                firstBegin ??= item.BeginOffsetMillis;
                lastEnd = item.EndOffsetMillis ?? lastEnd;
                var punctuation = item.IsPunctuation;
                var redacted = item.IsRedacted;
                anyRedacted |= redacted;
                if (!punctuation)
                {
                    words++;
                    if (!redacted && item.Confidence is { } confidence)
                    {
                        confidenceSum += confidence;
                        confidenceCount++;
                    }
                }
            }

            return new TurnFacts(firstBegin, lastEnd, words, confidenceCount > 0 ? Mean.Of(confidenceSum, confidenceCount) : null, anyRedacted);
        }
    }

    /// <summary>Maps a turn's role to -SpeakerName's choice (keyed by AGENT/Agent/CUSTOMER or ch_N) and to its channel.</summary>
    private sealed class SpeakerLabels
    {
        private readonly IReadOnlyDictionary<string, string> _names;
        private readonly Dictionary<string, string> _channels = new(StringComparer.OrdinalIgnoreCase);

        public SpeakerLabels(CallAnalyticsDocument document, TranscriptReadOptions options)
        {
            _names = options.SpeakerNames;
            foreach (var definition in document.ChannelDefinitions?.OfType<CaChannelDefinition>() ?? [])
            {
                if (definition.ChannelId is { } id && !string.IsNullOrEmpty(definition.ParticipantRole))
                {
                    _channels[definition.ParticipantRole] = "ch_" + id.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        public static string? Role(CaTurn turn)
            => string.IsNullOrEmpty(turn.ParticipantRole) ? null : turn.ParticipantRole.ToUpperInvariant();

        public string? ChannelOf(CaTurn turn)
            => turn.ParticipantRole is { } role && _channels.TryGetValue(role, out var channel) ? channel : null;

        public string? NameOf(CaTurn turn)
        {
            var role = Role(turn);
            if (role is null)
            {
                return null;
            }

            return Lookup(role) ?? (ChannelOf(turn) is { } channel ? Lookup(channel) : null) ?? CallAnalyticsText.ParticipantName(role);
        }

        private string? Lookup(string key)
        {
            if (_names.TryGetValue(key, out var name))
            {
                return name;
            }

            // The options' dictionary may have been built with an ordinal comparer; AGENT, Agent and agent all count.
            foreach (var (candidate, value) in _names)
            {
                if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
