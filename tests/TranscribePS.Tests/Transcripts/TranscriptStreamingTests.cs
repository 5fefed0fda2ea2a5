using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

public class TranscriptStreamingTests
{
    [Fact]
    public async Task The_first_items_arrive_before_the_input_is_read_past_its_head()
    {
        // Ten million words (over 1 GB of JSON); reading past the first 256 KB throws.
        using var stream = new ForwardOnlyStream(new GeneratedTranscriptStream(10_000_000, sideDataFirst: true), tripwireBytes: 256 * 1024);
        var first = new List<TranscriptItem>();

        await foreach (var item in TranscriptReader.ReadItemsAsync(stream, "huge.json", NoNames, CancellationToken.None))
        {
            first.Add(item);
            if (first.Count == 100)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"w{i}"), first.Select(i => i.Content));
        Assert.All(first, i => Assert.Equal("generated", i.JobName));
        Assert.True(first[0].IsPhi);
        Assert.False(first[1].IsPhi);
        Assert.True(stream.BytesRead <= 256 * 1024);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_ask_for_no_more_than_the_fixed_buffer_however_large_the_file(bool sideDataFirst)
    {
        // About 12 MB: the look-ahead layout reads it twice (seekable) or spools the items (not seekable).
        using var generated = new GeneratedTranscriptStream(100_000, sideDataFirst);
        using var forwardOnly = new ForwardOnlyStream(generated);
        long count = 0;

        await foreach (var item in TranscriptReader.ReadItemsAsync(forwardOnly, "big.json", NoNames, CancellationToken.None))
        {
            Assert.Equal(count, item.Index);
            count++;
        }

        Assert.Equal(100_000, count);
        Assert.True(forwardOnly.BytesRead > 10_000_000);
        Assert.InRange(forwardOnly.LargestRead, 1, JsonCursor.InitialBufferSize);
    }

    [Fact]
    public async Task A_seekable_file_whose_end_shows_nothing_after_the_items_is_read_once_with_the_same_bounded_buffer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"transcribeps-test-{Guid.NewGuid():N}.json");
        try
        {
            await using (var file = File.Create(path))
            {
                await new GeneratedTranscriptStream(100_000, sideDataFirst: false).CopyToAsync(file);
            }

            await using var input = new ReadSizeRecordingStream(File.OpenRead(path));
            long count = 0;
            await foreach (var _ in TranscriptReader.ReadItemsAsync(input, path, NoNames, CancellationToken.None))
            {
                count++;
            }

            Assert.Equal(100_000, count);
            Assert.InRange(input.LargestRead, 1, JsonCursor.InitialBufferSize);
            // Once, plus the tail the probe looked at and the schema detector's head.
            Assert.InRange(input.BytesRead, input.Length, input.Length + 2 * JsonCursor.InitialBufferSize);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
