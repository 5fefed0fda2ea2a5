using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

public class TranscriptFormatTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  \r\n ", "is empty")]
    [InlineData("RIFF....WAVEfmt ", "is not JSON")]
    [InlineData("[1,2,3]", "not a JSON object")]
    [InlineData("\"text\"", "not a JSON object")]
    [InlineData("{\"foo\":1,\"bar\":{\"baz\":[1,2]}}", "is JSON but not a transcript")]
    [InlineData("{}", "is JSON but not a transcript")]
    public async Task Input_that_is_not_a_transcript_fails_naming_the_file_and_what_was_expected(string content, string expected)
    {
        foreach (bool seekable in new[] { true, false })
        {
            var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(content, "C:\\data\\visit-7.json", seekable: seekable));

            Assert.Equal("C:\\data\\visit-7.json", ex.SourceName);
            Assert.Contains("'C:\\data\\visit-7.json'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_object_without_transcript_members_says_which_members_were_expected()
    {
        var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync("{\"name\":\"x\"}", "x.json"));

        Assert.Contains("'jobName'/'results'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Conversation'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"jobName\":\"j\",\"results\":{\"items\":[{\"start_time\":\"0.1\",\"end_time\":\"0.2\",\"alternatives\":[{\"content\":\"a\"}],\"type\":\"pronunciation\"},")]
    [InlineData("{\"jobName\":\"j\",\"results\":{\"items\":[{\"start_time\":\"0.1\"")]
    [InlineData("{\"jobName\":\"j\",\"results\":{\"items\":[}")]
    [InlineData("{\"jobName\":\"j\",\"results\":[1]}")]
    public async Task A_truncated_or_broken_transcript_fails_with_a_format_error_naming_the_file(string content)
    {
        foreach (bool seekable in new[] { true, false })
        {
            var ex = await Assert.ThrowsAsync<TranscriptFormatException>(() => ReadItemsAsync(content, "out/job.json", seekable: seekable));

            Assert.Equal("out/job.json", ex.SourceName);
            Assert.Contains("'out/job.json'", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"jobName\":\"j\",\"accountId\":\"1\",\"results\":{}}", TranscriptSchema.Standard)]
    [InlineData("{\"unknownFirst\":{\"a\":[1,2,3]},\"results\":{}}", TranscriptSchema.Standard)]
    [InlineData("{\"JobStatus\":\"COMPLETED\",\"LanguageCode\":\"en-US\",\"Transcript\":[]}", TranscriptSchema.CallAnalytics)]
    [InlineData("{\"JobName\":\"x\",\"Transcript\":[]}", TranscriptSchema.CallAnalytics)]
    [InlineData("{\"Conversation\":{\"TranscriptItems\":[]}}", TranscriptSchema.HealthScribe)]
    public async Task The_schema_is_told_from_the_first_top_level_members(string json, TranscriptSchema expected)
    {
        using var stream = Open(json, seekable: true);

        Assert.Equal(expected, (await TranscriptSchemaDetector.DetectAsync(stream, "x.json", CancellationToken.None)).Schema);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task Schema_detection_reads_only_the_beginning_of_a_huge_file()
    {
        using var stream = new ForwardOnlyStream(new GeneratedTranscriptStream(5_000_000, sideDataFirst: false), tripwireBytes: 64 * 1024);

        Assert.Equal(TranscriptSchema.Standard, (await TranscriptSchemaDetector.DetectAsync(stream, "huge.json", CancellationToken.None)).Schema);
    }

    [Fact]
    public async Task A_missing_file_fails_when_read_with_the_usual_file_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        await Assert.ThrowsAsync<FileNotFoundException>(async () =>
        {
            await foreach (var _ in TranscriptReader.ReadItemsAsync(path, NoNames, CancellationToken.None))
            {
            }
        });
    }
}
