using Amazon.Runtime;
using Amazon.S3;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Tests.Client;

namespace TranscribePS.Tests.Storage;

public sealed class PresignedReadTests : IDisposable
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
    public async Task Presigned_url_is_read_over_plain_https_with_its_query_intact()
    {
        _server.Enqueue(new StubResponse(200, """{"JobName":"call-7"}"""));
        var location = PresignedAt("X-Amz-Signature=abc123&X-Amz-Security-Token=TOKEN");

        await using var stream = await new S3Transfer(_unusedS3, _http).OpenReadAsync(location, CancellationToken.None);
        using var reader = new StreamReader(stream);

        Assert.Equal("""{"JobName":"call-7"}""", await reader.ReadToEndAsync());
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.EndsWith("?X-Amz-Signature=abc123&X-Amz-Security-Token=TOKEN", request.Path, StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Expired_presigned_url_says_to_get_the_job_again_without_echoing_the_token()
    {
        _server.Enqueue(new StubResponse(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));
        var location = PresignedAt("X-Amz-Signature=abc123&X-Amz-Security-Token=SECRETTOKEN");

        var ex = await Assert.ThrowsAsync<S3Exception>(() => new S3Transfer(_unusedS3, _http).OpenReadAsync(location, CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, ex.Kind);
        Assert.Contains("Get the job again", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETTOKEN", ex.Message, StringComparison.Ordinal);
    }

    // The stub listens on loopback, so the location is built by hand: the parser only accepts AWS hosts.
    private S3Location PresignedAt(string query) =>
        new("aws-transcribe-us-east-1-prod", "123/call-7/asrOutput.json") { PresignedUrl = new Uri(_server.Url + "aws-transcribe-us-east-1-prod/123/call-7/asrOutput.json?" + query) };
}
