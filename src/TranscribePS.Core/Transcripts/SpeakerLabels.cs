using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Where a transcript's <c>speaker_labels</c> sits, loaded into <see cref="Labels"/> only when a word needs it.
/// </summary>
internal sealed class SpeakerLabelSource(string sourceName)
{
    private long _offset = -1;
    private bool _loaded;

    /// <summary>Empty until loaded; the emitter holds this instance from the start.</summary>
    public TimeLabels Labels { get; } = new();

    /// <summary>Records where the <c>speaker_labels</c> object starts in the replay store.</summary>
    public void Found(long offset) => _offset = offset;

    /// <summary>Loads the labels the first time a word in <paramref name="batch"/> has no speaker of its own.</summary>
    public ValueTask EnsureLoadedForAsync(List<RawItem> batch, ReplayStore store, CancellationToken cancellationToken)
    {
        if (_loaded || _offset < 0)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var raw in batch)
        {
            if (raw.Type == TranscriptItemType.Pronunciation && raw.Speaker is null && raw.Start is not null)
            {
                return LoadAsync(store, cancellationToken);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask LoadAsync(ReplayStore store, CancellationToken cancellationToken)
    {
        if (_loaded || _offset < 0)
        {
            return;
        }

        var cursor = new JsonCursor(store.Source, sourceName, _offset);
        await SpeakerLabels.ReadAsync(cursor, Labels, cancellationToken).ConfigureAwait(false);
        Labels.Seal();
        _loaded = true;
    }
}

/// <summary>
/// Reads <c>speaker_labels.segments[]</c> (each with <c>items[]</c> of start/end/speaker) into a
/// <see cref="TimeLabels"/>, one segment at a time.
/// </summary>
internal static class SpeakerLabels
{
    public static async ValueTask ReadAsync(JsonCursor cursor, TimeLabels speakers, CancellationToken cancellationToken)
    {
        var segmentParser = new SegmentParser(speakers);
        var batch = new List<int>();
        await cursor.ExpectAsync(JsonTokenType.StartObject, "speaker_labels", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            if (cursor.TokenText != "segments")
            {
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await cursor.ExpectAsync(JsonTokenType.StartArray, "speaker_labels.segments", "an array", cancellationToken).ConfigureAwait(false);
            while (await cursor.ReadArrayBatchOfWholeElementsAsync(segmentParser.Parse, batch, cancellationToken).ConfigureAwait(false))
            {
            }
        }
    }

    private sealed class SegmentParser(TimeLabels speakers)
    {
        private readonly List<(double Start, double End, string? Label)> _pending = [];

        /// <summary>One segment: its range, and its items as exact entries (an item without a label takes the segment's).</summary>
        public int Parse(ref Utf8JsonReader reader)
        {
            double? start = null;
            double? end = null;
            string? label = null;
            _pending.Clear();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.TrySkip();
                return 0;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("start_time"u8))
                {
                    reader.Read();
                    start = JsonValues.ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals("end_time"u8))
                {
                    reader.Read();
                    end = JsonValues.ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals("speaker_label"u8))
                {
                    reader.Read();
                    label = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("items"u8))
                {
                    reader.Read();
                    ReadItems(ref reader);
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            foreach (var (itemStart, itemEnd, itemLabel) in _pending)
            {
                if ((itemLabel ?? label) is { } l)
                {
                    speakers.AddPoint(itemStart, itemEnd, l);
                }
            }

            if (start is { } s && end is { } e && label is not null)
            {
                speakers.AddRange(s, e, label);
            }

            return _pending.Count;
        }

        private void ReadItems(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.TrySkip();
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                double? start = null;
                double? end = null;
                string? label = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("start_time"u8))
                    {
                        reader.Read();
                        start = JsonValues.ReadNumber(ref reader);
                    }
                    else if (reader.ValueTextEquals("end_time"u8))
                    {
                        reader.Read();
                        end = JsonValues.ReadNumber(ref reader);
                    }
                    else if (reader.ValueTextEquals("speaker_label"u8))
                    {
                        reader.Read();
                        label = JsonValues.ReadString(ref reader);
                    }
                    else
                    {
                        JsonValues.SkipPropertyValue(ref reader);
                    }
                }

                if (start is { } s)
                {
                    _pending.Add((s, end ?? s, label));
                }
            }
        }
    }
}
