using System.Text.Json;

namespace TranscribePS.Core.Transcripts;

/// <summary>The output schemas the readers understand.</summary>
public enum TranscriptSchema
{
    /// <summary>StartTranscriptionJob / StartMedicalTranscriptionJob: snake_case <c>results</c>.</summary>
    Standard,
    /// <summary>StartCallAnalyticsJob: PascalCase <c>Transcript[]</c> turns.</summary>
    CallAnalytics,
    /// <summary>StartMedicalScribeJob transcript: <c>Conversation.TranscriptItems</c>.</summary>
    HealthScribe,
}

/// <summary>Tells the schema from the first top-level member names, reading only a bounded prefix.</summary>
internal static class TranscriptSchemaDetector
{
    internal const int PrefixLimit = 1024 * 1024;
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Detects the schema and returns a stream that yields the input from its beginning again: the input itself,
    /// seeked back, when it can seek; otherwise the prefix read so far followed by the rest of the input.
    /// </summary>
    public static async ValueTask<(TranscriptSchema Schema, Stream Replay)> DetectAsync(Stream input, string source, CancellationToken cancellationToken)
    {
        long origin = input.CanSeek ? input.Position : 0;
        var prefix = new byte[ChunkSize];
        int length = 0;
        bool eof = false;
        while (true)
        {
            var decision = Decide(prefix.AsSpan(0, length), eof, source);
            if (decision is { } schema)
            {
                if (input.CanSeek)
                {
                    input.Position = origin;
                    return (schema, input);
                }

                return (schema, new PrefixedStream(prefix.AsMemory(0, length), input));
            }

            if (eof)
            {
                throw new TranscriptFormatException(source, Messages.TranscriptUnknownSchema(source));
            }

            if (length >= PrefixLimit)
            {
                throw new TranscriptFormatException(source, Messages.TranscriptNoMembersInPrefix(source, PrefixLimit));
            }

            if (length == prefix.Length)
            {
                Array.Resize(ref prefix, prefix.Length * 2);
            }

            int read = await input.ReadAsync(prefix.AsMemory(length), cancellationToken).ConfigureAwait(false);
            eof = read == 0;
            length += read;
        }
    }

    /// <summary>The schema, or null when the prefix does not yet show a known top-level member.</summary>
    private static TranscriptSchema? Decide(ReadOnlySpan<byte> prefix, bool eof, string source)
    {
        // Notepad and Windows PowerShell 5.1's Out-File write UTF-16: say so, not "not JSON".
        if (prefix.StartsWith([(byte)0xFF, (byte)0xFE]) || prefix.StartsWith([(byte)0xFE, (byte)0xFF])
            || (prefix.Length >= 2 && (prefix[0] == 0) != (prefix[1] == 0)))
        {
            throw new TranscriptFormatException(source, Messages.TranscriptUtf16(source));
        }

        if (prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }

        if (eof && prefix.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new TranscriptFormatException(source, Messages.TranscriptEmpty(source));
        }

        var reader = new Utf8JsonReader(prefix, eof, default);
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TranscriptFormatException(source, Messages.TranscriptNotAnObject(source));
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    throw new TranscriptFormatException(source, Messages.TranscriptUnknownSchema(source));
                }

                var schema = Classify(ref reader);
                if (schema is not null)
                {
                    return schema;
                }

                // An unknown member: skip its value when it is all here, else wait for more bytes.
                if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            throw new TranscriptFormatException(source, Messages.TranscriptNotJson(source, ex.Message), ex);
        }
    }

    private static TranscriptSchema? Classify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("jobName"u8) || reader.ValueTextEquals("accountId"u8)
            || reader.ValueTextEquals("results"u8) || reader.ValueTextEquals("status"u8))
        {
            return TranscriptSchema.Standard;
        }

        if (reader.ValueTextEquals("JobName"u8) || reader.ValueTextEquals("Transcript"u8)
            || reader.ValueTextEquals("ConversationCharacteristics"u8) || reader.ValueTextEquals("Categories"u8)
            || reader.ValueTextEquals("JobStatus"u8) || reader.ValueTextEquals("AccountId"u8)
            || reader.ValueTextEquals("ContentMetadata"u8) || reader.ValueTextEquals("Participants"u8))
        {
            return TranscriptSchema.CallAnalytics;
        }

        if (reader.ValueTextEquals("Conversation"u8))
        {
            return TranscriptSchema.HealthScribe;
        }

        return null;
    }

    /// <summary>Yields bytes already read, then the rest of the inner stream (for inputs that cannot seek).</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                return TakePrefix(buffer);
            }

            return inner.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_prefix.IsEmpty)
            {
                return ValueTask.FromResult(TakePrefix(buffer.Span));
            }

            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int TakePrefix(Span<byte> buffer)
        {
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
