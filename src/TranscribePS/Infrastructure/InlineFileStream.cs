namespace TranscribePS.Infrastructure;

/// <summary>
/// A local transcript file whose async reads complete on the calling thread. The readers are async (S3 streams need
/// it), but a file on disk answers in microseconds: read inline, a transcript streams on the pipeline thread, each
/// item written straight to the next command with no thread hop and no queue. (On Unix every FileStream.ReadAsync
/// goes through the thread pool, so the pump would otherwise carry each item across threads.)
/// </summary>
internal sealed class InlineFileStream(string path)
    : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }
}
