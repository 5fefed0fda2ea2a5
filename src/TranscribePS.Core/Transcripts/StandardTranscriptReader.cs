using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Streams the items of a standard or medical transcript (<c>results.items</c>, or the channels of
/// <c>results.channel_labels</c> merged by time).
/// </summary>
/// <remarks>
/// Member order varies: <c>speaker_labels</c>, <c>channel_labels</c> and <c>entities</c> may come before or after
/// <c>items</c>. One forward pass reads the document, keeping only small side data (PHI spans, the job name); item
/// arrays are skipped and read again in a second pass once all side data is known — from the input itself when it can
/// seek, else from a temp file the first pass copied the arrays into. When everything that could change an item is
/// already known as <c>items</c> begins (job name, speaker labels and PHI entities all seen before it), or when the
/// input can seek and <see cref="TailProbe"/> found at its end what follows the items (read then, from where the probe
/// says), the items stream straight from the first pass. <c>speaker_labels</c> is only located in the first pass and loaded when a word
/// without its own <c>speaker_label</c> turns up (older files), so files that label every item never hold it.
/// </remarks>
internal static class StandardTranscriptReader
{
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream input, string source, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var store = new ReplayStore(input);
        // A seekable input tells from its end what follows the items, so they can stream in the first pass. When the
        // probe cannot decide (null), the items are skipped and read again once the whole document is known.
        var tail = input.CanSeek ? await TailProbe.ProbeAsync(input, input.Position, cancellationToken).ConfigureAwait(false) : null;
        // Shared when seekable: the speaker labels may be loaded from the same stream while this pass is under way.
        var cursor = new JsonCursor(input, source, input.CanSeek ? input.Position : null);
        var parsers = new ItemParsers();
        var speakers = new SpeakerLabelSource(source);
        var phi = new PhiSpans();
        var batch = new List<RawItem>();
        string? jobName = null;
        bool speakerLabelsSeen = false;
        bool entitiesSeen = false;
        bool streamedDirectly = false;
        long itemsOffset = -1;
        List<(string Label, long Offset)>? channels = null;

        await cursor.ExpectAsync(JsonTokenType.StartObject, "(root)", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            switch (cursor.TokenText)
            {
                case "jobName":
                    jobName = await cursor.ReadValueAsync(JsonValues.ReadString, cancellationToken).ConfigureAwait(false);
                    break;
                case "results":
                    await cursor.ExpectAsync(JsonTokenType.StartObject, "results", "an object", cancellationToken).ConfigureAwait(false);
                    while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
                    {
                        switch (cursor.TokenText)
                        {
                            case "speaker_labels":
                                speakers.Found(await cursor.SkipValueAsync(store.CopyTarget, cancellationToken).ConfigureAwait(false));
                                speakerLabelsSeen = true;
                                break;
                            case "channel_labels":
                                channels = await ReadChannelLabelsAsync(cursor, store, cancellationToken).ConfigureAwait(false);
                                break;
                            case "entities":
                                await cursor.ReadValueAsync((ref Utf8JsonReader r) => ReadEntities(ref r, phi), cancellationToken).ConfigureAwait(false);
                                entitiesSeen = true;
                                break;
                            case "items" when channels is { Count: > 0 }:
                                // The channels hold the same items with their channel: results.items adds nothing.
                                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                                break;
                            case "items" when jobName is not null && speakerLabelsSeen && entitiesSeen:
                                await foreach (var item in StreamItemsAsync(cursor, parsers, speakers, store, new ItemEmitter(jobName, options, speakers.Labels, phi), phi, cancellationToken).ConfigureAwait(false))
                                {
                                    yield return item;
                                }

                                streamedDirectly = true;
                                break;
                            case "items" when tail is not null && !tail.ResultsMembersAfterItems.ContainsKey("channel_labels"):
                                // The probe found what follows the items: read just that, then stream the items now.
                                jobName ??= await ReadTrailingJobNameAsync(input, source, tail, cancellationToken).ConfigureAwait(false);
                                await ReadTrailingSideDataAsync(input, source, tail, speakers, phi, cancellationToken).ConfigureAwait(false);
                                await foreach (var item in StreamItemsAsync(cursor, parsers, speakers, store, new ItemEmitter(jobName ?? fallbackJobName, options, speakers.Labels, phi), phi, cancellationToken).ConfigureAwait(false))
                                {
                                    yield return item;
                                }

                                // The rest of the document holds nothing more for the items; the probe has parsed it.
                                yield break;
                            case "items":
                                itemsOffset = await cursor.SkipValueAsync(store.CopyTarget, cancellationToken).ConfigureAwait(false);
                                break;
                            default:
                                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                                break;
                        }
                    }

                    break;
                default:
                    await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        if (streamedDirectly)
        {
            yield break;
        }

        phi.Seal();
        var emitter = new ItemEmitter(jobName ?? fallbackJobName, options, speakers.Labels, phi);
        if (channels is { Count: > 0 })
        {
            await speakers.LoadAsync(store, cancellationToken).ConfigureAwait(false);
            await foreach (var item in ChannelMerge.ReadAsync(store.Source, source, channels, parsers.Standard, emitter, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        else if (itemsOffset >= 0)
        {
            var replay = new JsonCursor(store.Source, source, itemsOffset);
            await replay.ExpectAsync(JsonTokenType.StartArray, "items", "an array", cancellationToken).ConfigureAwait(false);
            bool more;
            do
            {
                more = await replay.ReadArrayBatchAsync(parsers.Standard, batch, cancellationToken).ConfigureAwait(false);
                await speakers.EnsureLoadedForAsync(batch, store, cancellationToken).ConfigureAwait(false);
                foreach (var raw in batch)
                {
                    yield return emitter.Emit(raw);
                }
            }
            while (more);
        }
    }

    /// <summary>After the <c>items</c> name: streams the array in the first pass, all side data being known.</summary>
    private static async IAsyncEnumerable<TranscriptItem> StreamItemsAsync(JsonCursor cursor, ItemParsers parsers, SpeakerLabelSource speakers, ReplayStore store, ItemEmitter emitter, PhiSpans phi, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        phi.Seal();
        var batch = new List<RawItem>();
        await cursor.ExpectAsync(JsonTokenType.StartArray, "items", "an array", cancellationToken).ConfigureAwait(false);
        bool more;
        do
        {
            more = await cursor.ReadArrayBatchAsync(parsers.Standard, batch, cancellationToken).ConfigureAwait(false);
            await speakers.EnsureLoadedForAsync(batch, store, cancellationToken).ConfigureAwait(false);
            foreach (var raw in batch)
            {
                yield return emitter.Emit(raw);
            }
        }
        while (more);
    }

    /// <summary>The top-level <c>jobName</c> the probe found after <c>results</c>, if any.</summary>
    private static async ValueTask<string?> ReadTrailingJobNameAsync(Stream input, string source, TailFacts tail, CancellationToken cancellationToken)
    {
        if (!tail.RootMembersAfterResults.TryGetValue("jobName", out var offset))
        {
            return null;
        }

        var cursor = new JsonCursor(input, source, offset);
        return await cursor.ReadValueAsync(JsonValues.ReadString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the <c>entities</c> and locates the <c>speaker_labels</c> the probe found after the items.</summary>
    private static async ValueTask ReadTrailingSideDataAsync(Stream input, string source, TailFacts tail, SpeakerLabelSource speakers, PhiSpans phi, CancellationToken cancellationToken)
    {
        if (tail.ResultsMembersAfterItems.TryGetValue("entities", out var entities))
        {
            var cursor = new JsonCursor(input, source, entities);
            await cursor.ReadValueAsync((ref Utf8JsonReader r) => ReadEntities(ref r, phi), cancellationToken).ConfigureAwait(false);
        }

        if (tail.ResultsMembersAfterItems.TryGetValue("speaker_labels", out var labels))
        {
            speakers.Found(labels);
        }
    }

    /// <summary><c>{"channels": [{"channel_label": "ch_0", "items": [...]}, ...], "number_of_channels": 2}</c>: item arrays are skipped, their offsets kept.</summary>
    private static async ValueTask<List<(string Label, long Offset)>> ReadChannelLabelsAsync(JsonCursor cursor, ReplayStore store, CancellationToken cancellationToken)
    {
        var channels = new List<(string Label, long Offset)>();
        await cursor.ExpectAsync(JsonTokenType.StartObject, "channel_labels", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            if (cursor.TokenText != "channels")
            {
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await cursor.ExpectAsync(JsonTokenType.StartArray, "channel_labels.channels", "an array", cancellationToken).ConfigureAwait(false);
            while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.StartObject)
            {
                string? label = null;
                long offset = -1;
                while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
                {
                    switch (cursor.TokenText)
                    {
                        case "channel_label":
                            label = await cursor.ReadValueAsync(JsonValues.ReadString, cancellationToken).ConfigureAwait(false);
                            break;
                        case "items":
                            offset = await cursor.SkipValueAsync(store.CopyTarget, cancellationToken).ConfigureAwait(false);
                            break;
                        default:
                            await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }

                if (offset >= 0)
                {
                    channels.Add((label ?? $"ch_{channels.Count}", offset));
                }
            }
        }

        return channels;
    }

    /// <summary><c>[{"startTime", "endTime", "category", "confidence", "content"}, ...]</c>; times may be numbers or strings.</summary>
    private static int ReadEntities(ref Utf8JsonReader reader, PhiSpans phi)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.TrySkip();
            return 0;
        }

        int count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            double? start = null;
            double? end = null;
            string? category = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("startTime"u8) || reader.ValueTextEquals("start_time"u8))
                {
                    reader.Read();
                    start = JsonValues.ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals("endTime"u8) || reader.ValueTextEquals("end_time"u8))
                {
                    reader.Read();
                    end = JsonValues.ReadNumber(ref reader);
                }
                else if (reader.ValueTextEquals("category"u8))
                {
                    reader.Read();
                    category = JsonValues.ReadString(ref reader);
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            if (start is { } s)
            {
                phi.Add(s, end ?? s, category ?? "PHI");
                count++;
            }
        }

        return count;
    }
}
