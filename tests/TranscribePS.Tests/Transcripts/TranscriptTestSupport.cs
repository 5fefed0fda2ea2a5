using System.Text;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Transcripts;

/// <summary>Reading helpers and stream doubles shared by the transcript tests.</summary>
internal static class TranscriptTestSupport
{
    public static TranscriptReadOptions NoNames { get; } = new();

    public static async Task<List<TranscriptItem>> ReadItemsAsync(string json, string source = "test.json", TranscriptReadOptions? options = null, bool seekable = true)
    {
        using var stream = Open(json, seekable);
        var items = await TranscriptReader.ReadItemsAsync(stream, source, options ?? NoNames, CancellationToken.None).ToListAsync();

        return items;
    }

    public static async Task<List<TranscriptTurn>> ReadTurnsAsync(string json, string source = "test.json", TranscriptReadOptions? options = null)
    {
        using var stream = Open(json, seekable: true);
        var turns = await TranscriptReader.ReadTurnsAsync(stream, source, options ?? NoNames, CancellationToken.None).ToListAsync();

        return turns;
    }

    public static Stream Open(string json, bool seekable)
    {
        var memory = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return seekable ? memory : new ForwardOnlyStream(memory);
    }

    /// <summary>A wrapper that hides seeking, as a network response stream does, and records the largest read asked for.</summary>
    public sealed class ForwardOnlyStream(Stream inner, long tripwireBytes = long.MaxValue, int maxChunk = int.MaxValue) : Stream
    {
        public long BytesRead { get; private set; }
        public int LargestRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRead = Math.Max(LargestRead, buffer.Length);
            if (BytesRead >= tripwireBytes)
            {
                throw new InvalidOperationException($"The reader read past the first {tripwireBytes} bytes.");
            }

            int n = inner.Read(buffer[..(int)Math.Min(Math.Min(buffer.Length, maxChunk), tripwireBytes - BytesRead)]);
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A seekable wrapper that records the largest read asked for.</summary>
    public sealed class ReadSizeRecordingStream(Stream inner) : Stream
    {
        public int LargestRead { get; private set; }
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRead = Math.Max(LargestRead, buffer.Length);
            int n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// Generates a standard transcript of <paramref name="words"/> words on the fly (never all in memory): speaker
    /// labels and entities first (so nothing after the items can change them) or only a plain item list.
    /// </summary>
    public sealed class GeneratedTranscriptStream : Stream
    {
        private readonly IEnumerator<byte[]> _chunks;
        private byte[] _current = [];
        private int _offset;

        public GeneratedTranscriptStream(long words, bool sideDataFirst)
        {
            _chunks = Chunks(words, sideDataFirst).GetEnumerator();
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_offset == _current.Length)
            {
                if (!_chunks.MoveNext())
                {
                    return 0;
                }

                _current = _chunks.Current;
                _offset = 0;
            }

            int n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static IEnumerable<byte[]> Chunks(long words, bool sideDataFirst)
        {
            yield return Encoding.UTF8.GetBytes("{\"jobName\":\"generated\",\"accountId\":\"000000000000\",\"results\":{\"transcripts\":[{\"transcript\":\"...\"}],");
            if (sideDataFirst)
            {
                yield return Encoding.UTF8.GetBytes("\"speaker_labels\":{\"speakers\":1,\"segments\":[]},\"entities\":[{\"startTime\":\"0.0\",\"endTime\":\"0.5\",\"category\":\"PHI\",\"confidence\":\"0.9\",\"content\":\"w0\"}],");
            }

            yield return Encoding.UTF8.GetBytes("\"items\":[");
            var sb = new StringBuilder();
            for (long i = 0; i < words; i++)
            {
                double start = i * 0.5;
                sb.Append(i == 0 ? "" : ",")
                  .Append("{\"id\":").Append(i)
                  .Append(",\"start_time\":\"").Append(start.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))
                  .Append("\",\"end_time\":\"").Append((start + 0.4).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))
                  .Append("\",\"speaker_label\":\"spk_").Append(i / 10 % 2)
                  .Append("\",\"alternatives\":[{\"confidence\":\"0.99\",\"content\":\"w").Append(i)
                  .Append("\"}],\"type\":\"pronunciation\"}");
                if (sb.Length > 32 * 1024)
                {
                    yield return Encoding.UTF8.GetBytes(sb.ToString());
                    sb.Clear();
                }
            }

            sb.Append("]},\"status\":\"COMPLETED\"}");
            yield return Encoding.UTF8.GetBytes(sb.ToString());
        }
    }
}
