using System.Runtime.CompilerServices;
using System.Text.Json;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Scribe;

/// <summary>
/// Reads the two files of a HealthScribe job: the clinical document (<c>ClinicalDocumentation.Sections[]</c>, at the
/// job's ClinicalDocumentUri) as <see cref="ClinicalNoteSection"/>s, and the transcript (<c>Conversation</c>, at its
/// TranscriptFileUri) for the segments the sections cite and for the <see cref="ClinicalInsight"/>s. Both are read
/// forward once with a bounded buffer; the transcript's word items, its bulk, are skipped without being held.
/// </summary>
public static class ClinicalNoteReader
{
    /// <summary>The file name the service gives the clinical document, and the one it gives the transcript beside it.</summary>
    public const string ServiceDocumentName = "summary.json";
    public const string ServiceTranscriptName = "transcript.json";

    /// <summary>The suffix Save-TranscribeOutput gives the clinical document (<c>&lt;job&gt;.clinical-document.json</c>).</summary>
    public const string SavedDocumentSuffix = ".clinical-document.json";

    /// <summary>Reads a HealthScribe transcript's job name, segments and clinical insights.</summary>
    /// <exception cref="TranscriptFormatException">The input is not a HealthScribe transcript.</exception>
    public static async Task<ScribeTranscript> ReadTranscriptAsync(Stream utf8Json, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var cursor = new JsonCursor(utf8Json, sourceName);
        var transcript = new ScribeTranscript(sourceName);
        bool conversation = false;
        await ExpectRootAsync(cursor, sourceName, cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            switch (cursor.TokenText)
            {
                case "Conversation":
                    conversation = true;
                    await ReadConversationAsync(cursor, transcript, cancellationToken).ConfigureAwait(false);
                    break;
                case "ClinicalDocumentation":
                    throw new TranscriptFormatException(sourceName, Messages.ScribeDocumentNotTranscript(sourceName));
                default:
                    await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        return conversation ? transcript : throw new TranscriptFormatException(sourceName, Messages.NotScribeTranscript(sourceName));
    }

    /// <summary>
    /// Streams the sections of a clinical document in order. Evidence links resolve against
    /// <paramref name="transcript"/>; without it each cited segment carries only its ID.
    /// </summary>
    /// <param name="jobName">The job the note belongs to (from the job, the transcript, or <see cref="JobNameFromDocument"/>).</param>
    /// <exception cref="TranscriptFormatException">The input is not a HealthScribe clinical document.</exception>
    public static async IAsyncEnumerable<ClinicalNoteSection> ReadSectionsAsync(Stream utf8Json, string sourceName, string jobName, ScribeTranscript? transcript, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(jobName);
        var cursor = new JsonCursor(utf8Json, sourceName);
        bool documentation = false;
        int index = 0;
        var batch = new List<RawSection>();
        await ExpectRootAsync(cursor, sourceName, cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            if (cursor.TokenText == "Conversation")
            {
                throw new TranscriptFormatException(sourceName, Messages.ScribeTranscriptNotDocument(sourceName));
            }

            if (cursor.TokenText != "ClinicalDocumentation")
            {
                await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            documentation = true;
            await cursor.ExpectAsync(JsonTokenType.StartObject, "ClinicalDocumentation", "an object", cancellationToken).ConfigureAwait(false);
            while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
            {
                if (cursor.TokenText != "Sections")
                {
                    await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await cursor.ExpectAsync(JsonTokenType.StartArray, "ClinicalDocumentation.Sections", "an array", cancellationToken).ConfigureAwait(false);
                bool more;
                do
                {
                    more = await cursor.ReadArrayBatchAsync(RawSection.Parse, batch, cancellationToken).ConfigureAwait(false);
                    foreach (var section in batch)
                    {
                        yield return Build(section, index++, jobName, sourceName, transcript);
                    }
                }
                while (more);
            }
        }

        if (!documentation)
        {
            throw new TranscriptFormatException(sourceName, Messages.NotClinicalDocument(sourceName));
        }
    }

    /// <summary>The clinical insights of a HealthScribe transcript, each with the segment it was said in.</summary>
    /// <exception cref="TranscriptFormatException">The input is not a HealthScribe transcript.</exception>
    public static async IAsyncEnumerable<ClinicalInsight> ReadInsightsAsync(Stream utf8Json, string sourceName, string? jobName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Insights come before the segments they point into (AWS's examples), so the file is read through first.
        var transcript = await ReadTranscriptAsync(utf8Json, sourceName, cancellationToken).ConfigureAwait(false);
        string job = jobName ?? transcript.JobName ?? TranscriptReader.JobNameFromSource(sourceName);
        int index = 0;
        foreach (var raw in transcript.Insights)
        {
            var (segmentId, _) = raw.Spans.FirstOrDefault();
            ScribeSegment? segment = segmentId is null ? null : transcript.Find(segmentId);
            yield return new ClinicalInsight
            {
                JobName = job,
                SourceName = sourceName,
                Index = index++,
                InsightId = raw.InsightId,
                InsightType = raw.InsightType,
                Category = raw.Category,
                Type = raw.Type,
                Content = string.Join(" ", raw.Spans.Select(s => s.Content)),
                SegmentId = segmentId,
                Role = segment?.Role,
                StartTime = segment?.Begin,
                EndTime = segment?.End,
                SegmentText = segment?.Content,
                Attributes = raw.Attributes,
            };
        }
    }

    /// <summary>
    /// Where the transcript of a clinical document is, by the names the service and Save-TranscribeOutput give the two
    /// files (<c>…/&lt;job&gt;/summary.json</c> beside <c>transcript.json</c>; <c>&lt;job&gt;.clinical-document.json</c>
    /// beside <c>&lt;job&gt;.json</c>); null for any other name. Works on paths and on s3:// or https URIs.
    /// </summary>
    public static string? TranscriptBeside(string documentLocation)
    {
        ArgumentNullException.ThrowIfNull(documentLocation);
        var (folder, name) = SplitName(documentLocation);
        if (name.Equals(ServiceDocumentName, StringComparison.OrdinalIgnoreCase))
        {
            return folder + ServiceTranscriptName;
        }

        return name.EndsWith(SavedDocumentSuffix, StringComparison.OrdinalIgnoreCase) && name.Length > SavedDocumentSuffix.Length
            ? folder + name[..^SavedDocumentSuffix.Length] + ".json"
            : null;
    }

    /// <summary>The job a clinical document belongs to, from its location: the folder of a service-named file, else the file's stem.</summary>
    public static string JobNameFromDocument(string documentLocation)
    {
        ArgumentNullException.ThrowIfNull(documentLocation);
        var (folder, name) = SplitName(documentLocation);
        if (name.Equals(ServiceDocumentName, StringComparison.OrdinalIgnoreCase) && folder.Length > 1)
        {
            var (_, parent) = SplitName(folder[..^1]);
            if (parent.Length > 0 && !parent.Contains(':', StringComparison.Ordinal))
            {
                return parent;
            }
        }

        return name.EndsWith(SavedDocumentSuffix, StringComparison.OrdinalIgnoreCase) && name.Length > SavedDocumentSuffix.Length
            ? name[..^SavedDocumentSuffix.Length]
            : TranscriptReader.JobNameFromSource(documentLocation);
    }

    private static (string Folder, string Name) SplitName(string location)
    {
        // A query string (pre-signed URL) is not part of the name.
        int query = location.IndexOf('?', StringComparison.Ordinal);
        string path = query >= 0 && location.Contains("://", StringComparison.Ordinal) ? location[..query] : location;
        int slash = path.LastIndexOfAny(['/', '\\']);
        return (path[..(slash + 1)], path[(slash + 1)..]);
    }

    private static async ValueTask ExpectRootAsync(JsonCursor cursor, string sourceName, CancellationToken cancellationToken)
    {
        if (!await cursor.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new TranscriptFormatException(sourceName, Messages.TranscriptEmpty(sourceName));
        }

        if (cursor.TokenType != JsonTokenType.StartObject)
        {
            throw new TranscriptFormatException(sourceName, Messages.TranscriptNotAnObject(sourceName));
        }
    }

    private static async ValueTask ReadConversationAsync(JsonCursor cursor, ScribeTranscript transcript, CancellationToken cancellationToken)
    {
        await cursor.ExpectAsync(JsonTokenType.StartObject, "Conversation", "an object", cancellationToken).ConfigureAwait(false);
        while (await cursor.ReadAsync(cancellationToken).ConfigureAwait(false) && cursor.TokenType == JsonTokenType.PropertyName)
        {
            switch (cursor.TokenText)
            {
                case "JobName":
                    transcript.JobName = await cursor.ReadValueAsync(JsonValues.ReadString, cancellationToken).ConfigureAwait(false);
                    break;
                case "TranscriptSegments":
                    await ReadArrayAsync(cursor, "Conversation.TranscriptSegments", ScribeSegment.Parse, transcript.Add, cancellationToken).ConfigureAwait(false);
                    break;
                case "ClinicalInsights":
                    await ReadArrayAsync(cursor, "Conversation.ClinicalInsights", RawInsight.Parse, transcript.Insights.Add, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await cursor.SkipValueAsync(null, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static async ValueTask ReadArrayAsync<T>(JsonCursor cursor, string member, JsonValueParser<T> parser, Action<T> add, CancellationToken cancellationToken)
    {
        await cursor.ExpectAsync(JsonTokenType.StartArray, member, "an array", cancellationToken).ConfigureAwait(false);
        var batch = new List<T>();
        bool more;
        do
        {
            more = await cursor.ReadArrayBatchAsync(parser, batch, cancellationToken).ConfigureAwait(false);
            batch.ForEach(add);
        }
        while (more);
    }

    private static ClinicalNoteSection Build(RawSection raw, int index, string jobName, string sourceName, ScribeTranscript? transcript)
    {
        var cited = new Dictionary<string, ClinicalEvidence>(StringComparer.Ordinal);
        var sentences = new List<ClinicalNoteSentence>(raw.Sentences.Count);
        foreach (var (text, segmentIds) in raw.Sentences)
        {
            var evidence = new List<ClinicalEvidence>(segmentIds.Count);
            foreach (var id in segmentIds)
            {
                if (!cited.TryGetValue(id, out var item))
                {
                    item = Evidence(id, transcript);
                    cited.Add(id, item);
                }

                evidence.Add(item);
            }

            sentences.Add(new ClinicalNoteSentence { Index = sentences.Count, Text = text, Evidence = evidence });
        }

        return new ClinicalNoteSection
        {
            JobName = jobName,
            SourceName = sourceName,
            Index = index,
            Section = raw.Name ?? string.Empty,
            Text = string.Join(" ", sentences.Select(s => s.Text.Trim()).Where(t => t.Length > 0)),
            Sentences = sentences,
            Evidence = [.. cited.Values],
        };
    }

    private static ClinicalEvidence Evidence(string segmentId, ScribeTranscript? transcript)
    {
        if (transcript?.Find(segmentId) is not { } segment)
        {
            return new ClinicalEvidence { SegmentId = segmentId };
        }

        return new ClinicalEvidence
        {
            SegmentId = segmentId,
            Role = segment.Role,
            StartTime = segment.Begin,
            EndTime = segment.End,
            Text = segment.Content,
            TranscriptSection = segment.SectionName,
        };
    }

    /// <summary><c>{"SectionName", "Summary": [{"SummarizedSegment", "EvidenceLinks": [{"SegmentId"}]}]}</c>.</summary>
    private sealed record RawSection(string? Name, List<(string Text, List<string> SegmentIds)> Sentences)
    {
        public static RawSection Parse(ref Utf8JsonReader reader)
        {
            var sentences = new List<(string, List<string>)>();
            string? name = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.TrySkip();
                return new RawSection(null, sentences);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("SectionName"u8))
                {
                    reader.Read();
                    name = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Summary"u8))
                {
                    reader.Read();
                    ReadObjects(ref reader, (ref Utf8JsonReader r) => sentences.Add(ReadSentence(ref r)));
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            return new RawSection(name, sentences);
        }

        private static (string Text, List<string> SegmentIds) ReadSentence(ref Utf8JsonReader reader)
        {
            string text = string.Empty;
            var ids = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("SummarizedSegment"u8))
                {
                    reader.Read();
                    text = JsonValues.ReadString(ref reader) ?? string.Empty;
                }
                else if (reader.ValueTextEquals("EvidenceLinks"u8))
                {
                    reader.Read();
                    ReadObjects(ref reader, (ref Utf8JsonReader r) =>
                    {
                        if (JsonValues.ReadStringMember(ref r, "SegmentId"u8) is { } id)
                        {
                            ids.Add(id);
                        }
                    });
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            return (text, ids);
        }
    }

    /// <summary>
    /// <c>{"InsightId", "InsightType", "Category", "Type", "Spans": [{"Content", "SegmentId", …}],
    /// "Attributes": [{"Type", "Spans": [...]}]}</c>.
    /// </summary>
    internal sealed record RawInsight(string? InsightId, string? InsightType, string? Category, string? Type, List<(string? SegmentId, string Content)> Spans, List<ClinicalInsightAttribute> Attributes)
    {
        public static RawInsight Parse(ref Utf8JsonReader reader)
        {
            string? id = null, insightType = null, category = null, type = null;
            var spans = new List<(string?, string)>();
            var attributes = new List<ClinicalInsightAttribute>();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.TrySkip();
                return new RawInsight(id, insightType, category, type, spans, attributes);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("InsightId"u8))
                {
                    reader.Read();
                    id = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("InsightType"u8))
                {
                    reader.Read();
                    insightType = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Category"u8))
                {
                    reader.Read();
                    category = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Type"u8))
                {
                    reader.Read();
                    type = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Spans"u8))
                {
                    reader.Read();
                    ReadObjects(ref reader, (ref Utf8JsonReader r) => spans.Add(ReadSpan(ref r)));
                }
                else if (reader.ValueTextEquals("Attributes"u8))
                {
                    reader.Read();
                    ReadObjects(ref reader, (ref Utf8JsonReader r) => attributes.Add(ReadAttribute(ref r)));
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            return new RawInsight(id, insightType, category, type, spans, attributes);
        }

        private static (string? SegmentId, string Content) ReadSpan(ref Utf8JsonReader reader)
        {
            string? segment = null;
            string content = string.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("SegmentId"u8))
                {
                    reader.Read();
                    segment = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Content"u8))
                {
                    reader.Read();
                    content = JsonValues.ReadString(ref reader) ?? string.Empty;
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            return (segment, content);
        }

        private static ClinicalInsightAttribute ReadAttribute(ref Utf8JsonReader reader)
        {
            string? type = null;
            var contents = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("Type"u8))
                {
                    reader.Read();
                    type = JsonValues.ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Spans"u8))
                {
                    reader.Read();
                    ReadObjects(ref reader, (ref Utf8JsonReader r) => contents.Add(ReadSpan(ref r).Content));
                }
                else
                {
                    JsonValues.SkipPropertyValue(ref reader);
                }
            }

            return new ClinicalInsightAttribute(type, string.Join(" ", contents));
        }
    }

    private delegate void ObjectReader(ref Utf8JsonReader reader);

    /// <summary>Calls <paramref name="read"/> on each object element of the array the reader is on; other elements are skipped.</summary>
    private static void ReadObjects(ref Utf8JsonReader reader, ObjectReader read)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.TrySkip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                read(ref reader);
            }
            else
            {
                reader.TrySkip();
            }
        }
    }
}

/// <summary>
/// What a clinical note's evidence resolves against: the job name and segments of the job's HealthScribe transcript,
/// and its clinical insights.
/// </summary>
public sealed class ScribeTranscript
{
    private readonly Dictionary<string, ScribeSegment> _segments = new(StringComparer.Ordinal);

    internal ScribeTranscript(string sourceName) => SourceName = sourceName;

    public string SourceName { get; }

    /// <summary><c>Conversation.JobName</c>, when the file states it.</summary>
    public string? JobName { get; internal set; }

    public int SegmentCount => _segments.Count;

    internal List<ClinicalNoteReader.RawInsight> Insights { get; } = [];

    internal ScribeSegment? Find(string segmentId) => _segments.TryGetValue(segmentId, out var segment) ? segment : null;

    internal void Add(ScribeSegment segment)
    {
        if (segment.SegmentId is { } id)
        {
            _segments[id] = segment;
        }
    }
}
