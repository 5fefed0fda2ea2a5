using System.Collections.Concurrent;
using System.Security.Cryptography;
using TranscribePS.Core.Storage;

namespace TranscribePS.Tests.Storage;

public class RangedReadStreamTests
{
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(10_000);
    private readonly ConcurrentQueue<(long Offset, int Count)> _fetches = new();

    [Fact]
    public async Task Reads_of_any_size_return_the_object_byte_for_byte_from_aligned_windows()
    {
        using var stream = Create(windowSize: 1_000);
        var copy = new MemoryStream();
        var buffer = new byte[777];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(_data, copy.ToArray());
        Assert.Equal(Enumerable.Range(0, 10).Select(w => (w * 1_000L, 1_000)), _fetches.Order());
        Assert.True(stream.CanSeek);
        Assert.Equal(10_000, stream.Length);
    }

    [Fact]
    public async Task A_seek_fetches_nothing_until_the_next_read_and_then_only_the_window_holding_it()
    {
        using var stream = Create(windowSize: 1_000);

        stream.Seek(-10, SeekOrigin.End);
        Assert.Empty(_fetches);
        var tail = new byte[10];
        await stream.ReadExactlyAsync(tail);

        Assert.Equal(_data[^10..], tail);
        Assert.Equal([(9_000L, 1_000)], _fetches);
        Assert.Equal(10_000, stream.Position);
        Assert.Equal(0, await stream.ReadAsync(tail));
    }

    [Fact]
    public async Task Peeking_at_the_end_and_coming_back_to_the_start_fetches_no_window_twice()
    {
        using var stream = Create(windowSize: 1_000);
        var buffer = new byte[100];
        await stream.ReadExactlyAsync(buffer);
        stream.Position = 9_950;
        await stream.ReadExactlyAsync(buffer.AsMemory(0, 50));
        stream.Position = 100;
        await stream.ReadExactlyAsync(buffer);

        Assert.Equal(_data[100..200], buffer);
        Assert.Equal([(0L, 1_000), (9_000L, 1_000)], _fetches);
    }

    [Fact]
    public async Task Reading_on_into_the_next_window_fetches_the_one_after_it_ahead()
    {
        using var stream = Create(windowSize: 1_000);
        var buffer = new byte[1_100];

        await stream.ReadExactlyAsync(buffer);
        await stream.DisposeAsync();

        Assert.Equal(_data[..1_100], buffer);
        Assert.Equal([(0L, 1_000), (1_000L, 1_000), (2_000L, 1_000)], _fetches.Order());
    }

    [Fact]
    public async Task The_first_window_given_at_opening_is_not_fetched_again()
    {
        using var stream = new RangedReadStream(FetchAsync, _data.Length, 1_000, _data[..1_000]);
        var buffer = new byte[500];

        await stream.ReadExactlyAsync(buffer);

        Assert.Equal(_data[..500], buffer);
        Assert.Empty(_fetches);
    }

    [Fact]
    public async Task A_failed_fetch_reaches_the_reader()
    {
        using var stream = new RangedReadStream((_, _, _) => Task.FromException<byte[]>(new IOException("connection reset")), 5_000, 1_000);

        var ex = await Assert.ThrowsAsync<IOException>(async () => await stream.ReadExactlyAsync(new byte[10]));

        Assert.Equal("connection reset", ex.Message);
    }

    [Fact]
    public void The_stream_is_read_only()
    {
        using var stream = Create(windowSize: 1_000);

        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
    }

    [Theory]
    [InlineData("bytes 0-1023/5000", 5000L)]
    [InlineData("bytes 0-0/1", 1L)]
    [InlineData("bytes */5000", 5000L)]
    [InlineData("bytes 0-1023/*", null)]
    [InlineData(null, null)]
    public void The_total_size_comes_from_the_content_range(string? header, long? expected)
        => Assert.Equal(expected, S3Transfer.TotalFromContentRange(header));

    private RangedReadStream Create(int windowSize) => new(FetchAsync, _data.Length, windowSize);

    private Task<byte[]> FetchAsync(long offset, int count, CancellationToken cancellationToken)
    {
        _fetches.Enqueue((offset, count));
        return Task.FromResult(_data.AsSpan((int)offset, count).ToArray());
    }
}
