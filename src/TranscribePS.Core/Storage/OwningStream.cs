namespace TranscribePS.Core.Storage;

/// <summary>A read-only view of a response body that disposes the response (and its connection) with itself.</summary>
internal sealed class OwningStream(Stream inner, IDisposable owner, long? knownLength) : Stream
{
    /// <summary>The body length the response announced, when it did.</summary>
    public long? KnownLength { get; } = knownLength;

    /// <summary>The ETag of the object version the body belongs to, when the response gave one.</summary>
    public string? ETag { get; init; }

    /// <summary>True when the body is a range (206) rather than the whole object.</summary>
    public bool Resumed { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => KnownLength ?? throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

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
            owner.Dispose();
        }

        base.Dispose(disposing);
    }
}
