using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TranscribePS.Core.Analytics;

namespace TranscribePS.Core.Transcripts;

/// <summary>Reads Call Analytics output (PascalCase, milliseconds, Transcript[] turns) as items and turns.</summary>
/// <remarks>
/// AGENT and CUSTOMER turns overlap in time, so putting them in time order needs every turn: the file is read once into
/// memory (call analytics files are at most a few MB) and then emitted in order.
/// </remarks>
public static class CallAnalyticsReader
{
    /// <summary>Items of every turn, in time order across participants; times converted from ms to seconds.</summary>
    public static IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => ReadItemsAsync(utf8Json, fallbackJobName, fallbackJobName, options, cancellationToken);

    /// <summary>As above; a file that cannot be read fails with <paramref name="sourceName"/> (path or URI) in the message.</summary>
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string sourceName, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = await CallAnalyticsDocument.LoadAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        var jobName = document.ResolveJobName(fallbackJobName);
        var labels = new SpeakerLabels(document, options);

        foreach (var item in InTimeOrder(document, jobName, labels, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Every item, sorted by time across turns. Each item sorts by its own begin time; punctuation (no time) and any item
    /// earlier than its predecessor take the predecessor's key, so a turn's own order survives and the sort only
    /// interleaves overlapping turns. A turn's speaker, name and channel are worked out once and shared by its items.
    /// </summary>
    /// <remarks>
    /// Built in one synchronous, fully optimised pass (a call's tens of thousands of items would otherwise run through
    /// the iterator's first-tier code in a fresh process); the key (begin, position) is unique, so the sort is stable.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TranscriptItem[] InTimeOrder(CallAnalyticsDocument document, string jobName, SpeakerLabels labels, CancellationToken cancellationToken)
    {
        var entries = new List<(long Key, int Position, CaItem Item, int Turn)>();
        var turns = new List<(string? Speaker, string? Name, string? Channel)>();
        foreach (var turn in InTimeOrder(document))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = turn.BeginOffsetMillis ?? (entries.Count > 0 ? entries[^1].Key : 0);
            turns.Add((SpeakerLabels.Role(turn), labels.NameOf(turn), labels.ChannelOf(turn)));
            foreach (var item in turn.Items ?? [])
            {
                if (item is not null)
                {
                    key = Math.Max(key, item.BeginOffsetMillis ?? key);
                    entries.Add((key, entries.Count, item, turns.Count - 1));
                }
            }
        }

        var order = entries.ToArray();
        Array.Sort(order, static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Position.CompareTo(b.Position));
        var items = new TranscriptItem[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var (_, _, item, turnIndex) = order[i];
            var (speaker, name, channel) = turns[turnIndex];
            var punctuation = item.IsPunctuation;
            var redacted = item.IsRedacted;
            items[i] = new TranscriptItem
            {
                JobName = jobName,
                Index = i,
                Type = punctuation ? TranscriptItemType.Punctuation : TranscriptItemType.Pronunciation,
                Content = item.Content ?? string.Empty,
                Confidence = punctuation || redacted ? null : item.Confidence,
                StartTime = punctuation ? null : Seconds(item.BeginOffsetMillis),
                EndTime = punctuation ? null : Seconds(item.EndOffsetMillis),
                Speaker = speaker,
                SpeakerName = name,
                Channel = channel,
                IsRedacted = redacted,
            };
        }

        return items;
    }

    /// <summary>The file's own turns, with participant, sentiment, loudness and issue/outcome/action-item spans.</summary>
    public static IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => ReadTurnsAsync(utf8Json, fallbackJobName, fallbackJobName, options, cancellationToken);

    /// <summary>As above; a file that cannot be read fails with <paramref name="sourceName"/> (path or URI) in the message.</summary>
    public static async IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string sourceName, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = await CallAnalyticsDocument.LoadAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        var jobName = document.ResolveJobName(fallbackJobName);
        var labels = new SpeakerLabels(document, options);

        var index = 0;
        foreach (var turn in InTimeOrder(document))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = turn.ItemList.ToList();
            var content = turn.Content ?? JoinItems(items);
            var facts = TurnFacts.Of(items);
            var loudness = Average(turn.LoudnessScores);

            yield return new TranscriptTurn
            {
                JobName = jobName,
                Index = index++,
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
                Loudness = loudness,
                Issues = CallAnalyticsText.Spans(content, turn.IssuesDetected),
                Outcomes = CallAnalyticsText.Spans(content, turn.OutcomesDetected),
                ActionItems = CallAnalyticsText.Spans(content, turn.ActionItemsDetected),
                IsRedacted = facts.AnyRedacted || turn.Redaction is { ValueKind: not JsonValueKind.Null },
            };
        }
    }

    /// <summary>Turns ordered by begin time (stable); a turn without one keeps the place of the turn before it.</summary>
    internal static IEnumerable<CaTurn> InTimeOrder(CallAnalyticsDocument document)
    {
        var keyed = new List<(long Key, CaTurn Turn)>();
        foreach (var turn in document.Turns)
        {
            var key = turn.BeginOffsetMillis
                ?? turn.ItemList.FirstOrDefault(i => i.BeginOffsetMillis is not null)?.BeginOffsetMillis
                ?? (keyed.Count > 0 ? keyed[^1].Key : 0);
            keyed.Add((key, turn));
        }

        return keyed.OrderBy(entry => entry.Key).Select(entry => entry.Turn);
    }

    internal static double? Seconds(long? milliseconds) => milliseconds / 1000.0;

    private static string JoinItems(List<CaItem> items)
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

    private static double? Average(List<double?>? values)
    {
        double sum = 0;
        var count = 0;
        foreach (var value in values ?? [])
        {
            if (value is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count > 0 ? Mean.Of(sum, count) : null;
    }

    private static int CountWords(string content)
        => content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>What a turn's items say about it, gathered in one pass over them.</summary>
    private readonly record struct TurnFacts(long? FirstBegin, long? LastEnd, int Words, double? Confidence, bool AnyRedacted)
    {
        public static TurnFacts Of(List<CaItem> items)
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
