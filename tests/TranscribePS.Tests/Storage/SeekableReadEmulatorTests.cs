using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Location = TranscribePS.Core.Storage.S3Location;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Storage;

public sealed class SeekableReadEmulatorTests : EmulatorTest, IDisposable
{
    private const int Window = 256 * 1024;
    private readonly AmazonS3Client _s3;
    private readonly S3Transfer _transfer;
    private readonly HttpClient _http = new();

    public SeekableReadEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        _s3 = Fixture.CreateS3Client();
        _transfer = new S3Transfer(_s3, _http);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task The_first_items_of_a_large_transcript_come_after_a_few_ranged_gets_not_the_whole_object()
    {
        var json = MedicalTranscript(words: 100_000);
        Server.Store.Put("outputs", "medical/visit.json", json);
        Assert.True(json.Length > 40 * Window);

        await using var stream = await _transfer.OpenSeekableReadAsync(new S3Location("outputs", "medical/visit.json"), Window, CancellationToken.None);
        var first = new List<TranscriptItem>();
        await foreach (var item in TranscriptReader.ReadItemsAsync(stream, "s3://outputs/medical/visit.json", new TranscriptReadOptions(), CancellationToken.None))
        {
            first.Add(item);
            if (first.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"w{i}"), first.Select(i => i.Content));
        Assert.True(first[0].IsPhi, "the PHI entity after the items marks the first word");
        Assert.False(first[1].IsPhi);
        // The head (which told the size), the tail (the probe and the entities), the next window read ahead.
        Assert.InRange(Server.Requests["GetObject"], 2, 4);
        Assert.True(stream.CanSeek);
        Assert.Equal(json.Length, stream.Length);
    }

    [Fact]
    public async Task A_whole_transcript_read_through_ranged_gets_reads_every_window_once()
    {
        var json = MedicalTranscript(words: 30_000);
        Server.Store.Put("outputs", "visit.json", json);
        int windows = (json.Length + Window - 1) / Window;

        await using var stream = await _transfer.OpenSeekableReadAsync(new S3Location("outputs", "visit.json"), Window, CancellationToken.None);
        int count = 0;
        await foreach (var item in TranscriptReader.ReadItemsAsync(stream, "visit.json", new TranscriptReadOptions(), CancellationToken.None))
        {
            Assert.Equal($"w{count}", item.Content);
            count++;
        }

        Assert.Equal(30_000, count);
        Assert.InRange(Server.Requests["GetObject"], windows, windows + 1);
    }

    [Fact]
    public async Task The_stream_holds_the_object_byte_for_byte_after_seeks()
    {
        var data = RandomNumberGenerator.GetBytes(1_000_000);
        Server.Store.Put("media", "blob.bin", data);

        await using var stream = await _transfer.OpenSeekableReadAsync(new S3Location("media", "blob.bin"), 64 * 1024, CancellationToken.None);
        stream.Position = 999_000;
        var tail = new byte[1_000];
        await stream.ReadExactlyAsync(tail);
        stream.Position = 0;
        var whole = new MemoryStream();
        await stream.CopyToAsync(whole);

        Assert.Equal(data[999_000..], tail);
        Assert.Equal(data, whole.ToArray());
    }

    [Fact]
    public async Task An_empty_object_opens_as_an_empty_stream()
    {
        Server.Store.Put("media", "empty.json", []);

        await using var stream = await _transfer.OpenSeekableReadAsync(new S3Location("media", "empty.json"), CancellationToken.None);

        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task A_missing_object_fails_as_not_found()
    {
        var ex = await Assert.ThrowsAsync<S3Exception>(() => _transfer.OpenSeekableReadAsync(new S3Location("media", "nothing.json"), CancellationToken.None));

        Assert.Equal(AwsErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task A_presigned_url_is_read_with_range_headers_and_can_seek()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        Server.Store.Put("aws-transcribe-us-east-1-prod", "123/call/asrOutput.json", data);
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "aws-transcribe-us-east-1-prod",
            Key = "123/call/asrOutput.json",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
        });
        var location = new S3Location("aws-transcribe-us-east-1-prod", "123/call/asrOutput.json") { PresignedUrl = new Uri(url) };

        await using var stream = await _transfer.OpenSeekableReadAsync(location, 64 * 1024, CancellationToken.None);
        stream.Position = 200_000;
        var part = new byte[100_000];
        await stream.ReadExactlyAsync(part);

        Assert.True(stream.CanSeek);
        Assert.Equal(data.Length, stream.Length);
        Assert.Equal(data[200_000..], part);
        Assert.InRange(Server.Requests["GetObject"], 3, 4);
    }

    private static byte[] MedicalTranscript(int words)
    {
        var sb = new StringBuilder("""{"jobName":"visit","accountId":"1","results":{"transcripts":[{"transcript":"..."}],"items":[""");
        for (int i = 0; i < words; i++)
        {
            string start = (i * 0.5).ToString("0.0##", CultureInfo.InvariantCulture);
            string end = (i * 0.5 + 0.4).ToString("0.0##", CultureInfo.InvariantCulture);
            sb.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"start_time":"{{start}}","end_time":"{{end}}","alternatives":[{"confidence":"0.99","content":"w{{i}}"}],"type":"pronunciation"}""");
        }

        sb.Append("""],"entities":[{"startTime":0.0,"endTime":0.4,"category":"PHI","confidence":0.9,"content":"w0"}]},"status":"COMPLETED"}""");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
