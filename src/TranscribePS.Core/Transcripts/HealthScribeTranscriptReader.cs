using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Streams the items of a HealthScribe transcript (<c>Conversation.TranscriptItems</c>); the speaker of each word is
/// the <c>ParticipantRole</c> (<c>CLINICIAN_0</c>, <c>PATIENT_0</c>) of the <c>TranscriptSegments</c> entry whose
/// time range holds it.
/// </summary>
/// <remarks>Same two-pass scheme as <see cref="StandardTranscriptReader"/>: direct when the segments come first.</remarks>
internal static class HealthScribeTranscriptReader
{
    public static async IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream input, string source, string fallbackJobName, TranscriptReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var store = new ReplayStore(input);
        var cursor = new JsonCursor(input, source);
        var parsers = new ItemParsers();
        var roles = new TimeLabels();
        var batch = new List<RawItem>();
        string? jobName = null;
        bool segmentsSeen = false;
        bool streamedDirectly = false;
        long itemsOffset = -1;

        await cursor.ExpectAsync(JsonTokenType.StartObject, "(root)", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            if (cursor.TokenText != "Conversation")
            {
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await cursor.ExpectAsync(JsonTokenType.StartObject, "Conversation", "an object", cancellationToken).ConfigureAwait(false);
            while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
            {
                switch (cursor.TokenText)
                {
                    case "JobName":
                        jobName = await cursor.ReadValueAsync(JsonValues.ReadString, cancellationToken).ConfigureAwait(false);
                        break;
                    case "TranscriptSegments":
                        await cursor.ExpectAsync(JsonTokenType.StartArray, "Conversation.TranscriptSegments", "an array", cancellationToken).ConfigureAwait(false);
                        var segments = new List<ScribeSegment>();
                        bool moreSegments;
                        do
                        {
                            moreSegments = await cursor.ReadArrayBatchAsync(ScribeSegment.Parse, segments, cancellationToken).ConfigureAwait(false);
                            foreach (var segment in segments)
                            {
                                if (segment is { Begin: { } begin, Role: { } role })
                                {
                                    roles.AddRange(begin, segment.End ?? begin, role);
                                }
                            }
                        }
                        while (moreSegments);

                        segmentsSeen = true;
                        break;
                    case "TranscriptItems" when segmentsSeen:
                        roles.Seal();
                        var direct = new ItemEmitter(jobName ?? fallbackJobName, options, roles, new PhiSpans());
                        await cursor.ExpectAsync(JsonTokenType.StartArray, "Conversation.TranscriptItems", "an array", cancellationToken).ConfigureAwait(false);
                        bool more;
                        do
                        {
                            more = await cursor.ReadArrayBatchAsync(parsers.HealthScribe, batch, cancellationToken).ConfigureAwait(false);
                            foreach (var raw in batch)
                            {
                                yield return direct.Emit(raw);
                            }
                        }
                        while (more);

                        streamedDirectly = true;
                        break;
                    case "TranscriptItems":
                        itemsOffset = await cursor.SkipValueAsync(store.CopyTarget, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        if (streamedDirectly || itemsOffset < 0)
        {
            yield break;
        }

        roles.Seal();
        var emitter = new ItemEmitter(jobName ?? fallbackJobName, options, roles, new PhiSpans());
        var replay = new JsonCursor(store.Source, source, itemsOffset);
        await replay.ExpectAsync(JsonTokenType.StartArray, "Conversation.TranscriptItems", "an array", cancellationToken).ConfigureAwait(false);
        bool moreItems;
        do
        {
            moreItems = await replay.ReadArrayBatchAsync(parsers.HealthScribe, batch, cancellationToken).ConfigureAwait(false);
            foreach (var raw in batch)
            {
                yield return emitter.Emit(raw);
            }
        }
        while (moreItems);
    }
}
