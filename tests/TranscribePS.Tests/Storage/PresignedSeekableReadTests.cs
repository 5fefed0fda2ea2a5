using Amazon.Runtime;
using Amazon.S3;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Tests.Client;

namespace TranscribePS.Tests.Storage;

public sealed class PresignedSeekableReadTests : IDisposable
{
    private readonly StubHttpServer _server = new();
    private readonly AmazonS3Client _unusedS3 = new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonS3Config { ServiceURL = "http://127.0.0.1:9", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _unusedS3.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_is_read_forward_only_from_its_whole_body()
    {
        _server.Enqueue(new StubResponse(200, """{"JobName":"call-7"}"""));

        await using var stream = await new S3Transfer(_unusedS3, _http).OpenSeekableReadAsync(Location(), CancellationToken.None);
        using var reader = new StreamReader(stream);

        Assert.False(stream.CanSeek);
        Assert.Equal("""{"JobName":"call-7"}""", await reader.ReadToEndAsync());
        Assert.Equal($"bytes=0-{RangedReadStream.DefaultWindowSize - 1}", Assert.Single(_server.Requests).Headers["Range"]);
    }

    [Fact]
    public async Task A_server_that_honours_ranges_is_read_window_by_window_with_its_query_intact()
    {
        _server.Enqueue(
            new StubResponse(206, "0123456789", new Dictionary<string, string> { ["Content-Range"] = "bytes 0-9/20" }),
            new StubResponse(206, "abcdefghij", new Dictionary<string, string> { ["Content-Range"] = "bytes 10-19/20" }));

        await using var stream = await new S3Transfer(_unusedS3, _http).OpenSeekableReadAsync(Location(), 10, CancellationToken.None);
        using var reader = new StreamReader(stream);

        Assert.True(stream.CanSeek);
        Assert.Equal(20, stream.Length);
        Assert.Equal("0123456789abcdefghij", await reader.ReadToEndAsync());
        var requests = _server.Requests.ToArray();
        Assert.Equal(["bytes=0-9", "bytes=10-19"], requests.Select(r => r.Headers["Range"]));
        Assert.All(requests, r => Assert.EndsWith("?X-Amz-Signature=abc123", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_stops_honouring_ranges_part_way_fails_with_what_to_do()
    {
        _server.Enqueue(
            new StubResponse(206, "0123456789", new Dictionary<string, string> { ["Content-Range"] = "bytes 0-9/20" }),
            new StubResponse(200, "0123456789abcdefghij"));

        await using var stream = await new S3Transfer(_unusedS3, _http).OpenSeekableReadAsync(Location(), 10, CancellationToken.None);
        stream.Position = 15;

        var ex = await Assert.ThrowsAsync<S3Exception>(async () => await stream.ReadExactlyAsync(new byte[5]));

        Assert.Contains("Run the command again", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", ex.Message, StringComparison.Ordinal);
    }

    // The stub listens on loopback, so the location is built by hand: the parser only accepts AWS hosts.
    private S3Location Location() =>
        new("aws-transcribe-us-east-1-prod", "123/call-7/asrOutput.json") { PresignedUrl = new Uri(_server.Url + "aws-transcribe-us-east-1-prod/123/call-7/asrOutput.json?X-Amz-Signature=abc123") };
}
