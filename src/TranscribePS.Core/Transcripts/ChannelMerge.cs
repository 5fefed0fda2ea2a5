using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// K-way merge of <c>channel_labels.channels[].items[]</c> by word start time: one cursor per channel over the same
/// seekable stream, each holding one buffered batch, so memory is k buffers however long the recording.
/// </summary>
internal static class ChannelMerge
{
    public static async IAsyncEnumerable<TranscriptItem> ReadAsync(Stream source, string sourceName, IReadOnlyList<(string Label, long Offset)> channels, JsonValueParser<RawItem> parser, ItemEmitter emitter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lanes = new Lane[channels.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = new Lane(channels[i].Label, new JsonCursor(source, sourceName, channels[i].Offset));
            await lanes[i].Cursor.ExpectAsync(JsonTokenType.StartArray, "channel_labels.channels.items", "an array", cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            Lane? next = null;
            double nextKey = 0;
            foreach (var lane in lanes)
            {
                if (!await lane.HasItemAsync(parser, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // A mark sorts with the word before it in its own channel; ties go to the lower channel.
                var peek = lane.Peek;
                double key = peek.Type == TranscriptItemType.Pronunciation && peek.Start is { } start ? start : lane.LastKey;
                if (next is null || key < nextKey)
                {
                    next = lane;
                    nextKey = key;
                }
            }

            if (next is null)
            {
                yield break;
            }

            next.LastKey = nextKey;
            yield return emitter.Emit(next.Take(), next.Label);

            // Punctuation stays right after its word.
            while (await next.HasItemAsync(parser, cancellationToken).ConfigureAwait(false) && next.Peek.Type == TranscriptItemType.Punctuation)
            {
                yield return emitter.Emit(next.Take(), next.Label);
            }
        }
    }

    private sealed class Lane(string label, JsonCursor cursor)
    {
        private readonly List<RawItem> _batch = [];
        private int _position;
        private bool _more = true;

        public string Label { get; } = label;
        public JsonCursor Cursor { get; } = cursor;
        public double LastKey { get; set; } = double.NegativeInfinity;
        public RawItem Peek => _batch[_position];

        public async ValueTask<bool> HasItemAsync(JsonValueParser<RawItem> parser, CancellationToken cancellationToken)
        {
            while (_position >= _batch.Count)
            {
                if (!_more)
                {
                    return false;
                }

                _more = await Cursor.ReadArrayBatchAsync(parser, _batch, cancellationToken).ConfigureAwait(false);
                _position = 0;
            }

            return true;
        }

        public RawItem Take() => _batch[_position++];
    }
}
