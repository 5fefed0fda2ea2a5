namespace TranscribePS.Core.Storage;

/// <summary>Fetches <paramref name="count"/> bytes of a remote object from <paramref name="offset"/> (a ranged GET).</summary>
internal delegate Task<byte[]> RangeFetcher(long offset, int count, CancellationToken cancellationToken);

/// <summary>
/// A read-only, seekable view of a remote object of known size, served by ranged GETs in fixed windows. Seeking only
/// moves the position; the next read fetches the window holding it. Reading on from one window into the next starts
/// fetching the window after that in the background (one window of read-ahead), so a sequential reader rarely waits.
/// The last two windows are kept, so a reader that peeks at the end and comes back to the start fetches nothing twice.
/// </summary>
internal sealed class RangedReadStream : Stream
{
    /// <summary>Window size for S3 and pre-signed reads: large enough that request overhead is small, small enough that the first item comes quickly.</summary>
    public const int DefaultWindowSize = 2 * 1024 * 1024;

    private readonly RangeFetcher _fetch;
    private readonly int _windowSize;
    private readonly CancellationTokenSource _disposed = new();
    private Window? _current;
    private Window? _previous;
    private (long Start, Task<byte[]> Fetch)? _ahead;
    private long _position;

    /// <param name="first">The object's first window when the caller already has it (the GET that learned the size), else null.</param>
    public RangedReadStream(RangeFetcher fetch, long length, int windowSize, byte[]? first = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        _fetch = fetch;
        _windowSize = windowSize;
        Length = length;
        if (first is not null)
        {
            _current = new Window(0, first);
        }
    }

    /// <summary>Ranged GETs made so far (for tests and diagnostics), read-ahead included.</summary>
    public int Fetches { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        var window = Holding(_position) ?? await LoadAsync(WindowStart(_position), cancellationToken).ConfigureAwait(false);
        int from = (int)(_position - window.Start);
        int count = Math.Min(buffer.Length, window.Data.Length - from);
        window.Data.AsMemory(from, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous callers block on the same path; the readers in this module only read asynchronously.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            if (_ahead is { } ahead)
            {
                Observe(ahead.Fetch);
            }

            _ahead = null;
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A read-ahead nobody will wait for may still fail (or be cancelled): observe it so the failure goes nowhere.</summary>
    private static void Observe(Task<byte[]> fetch)
        => fetch.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private long WindowStart(long position) => position - (position % _windowSize);

    private Window? Holding(long position)
    {
        if (_current is { } current && current.Contains(position))
        {
            return current;
        }

        if (_previous is { } previous && previous.Contains(position))
        {
            (_current, _previous) = (previous, _current);
            return previous;
        }

        return null;
    }

    private async Task<Window> LoadAsync(long start, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        bool sequential = _current is { } last && last.Start + last.Data.Length == start;
        byte[] data;
        if (_ahead is { } ahead && ahead.Start == start)
        {
            _ahead = null;
            data = await ahead.Fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (_ahead is { } stale)
            {
                // The reader jumped elsewhere: that window is no longer wanted.
                Observe(stale.Fetch);
                _ahead = null;
            }

            data = await FetchAsync(start, cancellationToken).ConfigureAwait(false);
        }

        var window = new Window(start, data);
        _previous = _current;
        _current = window;
        long next = start + data.Length;
        if (sequential && next < Length && _ahead is null)
        {
            _ahead = (next, FetchAsync(next, _disposed.Token));
        }

        return window;
    }

    private Task<byte[]> FetchAsync(long start, CancellationToken cancellationToken)
    {
        Fetches++;
        int count = (int)Math.Min(_windowSize, Length - start);
        return _fetch(start, count, cancellationToken);
    }

    private sealed record Window(long Start, byte[] Data)
    {
        public bool Contains(long position) => position >= Start && position < Start + Data.Length;
    }
}
