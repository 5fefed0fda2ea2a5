using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Hosting;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>Servers started just for one test, with their own options.</summary>
public sealed class EmulatorServerTests
{
    [Fact]
    public async Task Server_listens_on_loopback_and_accepts_every_configured_key_pair()
    {
        var options = new EmulatorOptions { Region = "eu-west-1" };
        options.Credentials.Add(new EmulatorCredential("SECONDKEY", "second-secret"));
        await using var server = await EmulatorServer.StartAsync(options);

        using var s3 = new AmazonS3Client(new BasicAWSCredentials("SECONDKEY", "second-secret"), Config(server));
        await s3.PutBucketAsync("second");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "second", Key = "k", ContentBody = "v" });

        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.NotEqual(0, server.Endpoint.Port);
        Assert.Equal(EmulatorOptions.DefaultCredential.AccessKeyId, server.AccessKeyId);
        Assert.Equal("eu-west-1", server.Settings.Region);
        Assert.Equal("v"u8.ToArray(), server.Store.Get("second", "k")!.Data);
    }

    [Fact]
    public async Task Any_signed_session_token_is_accepted()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var s3 = new AmazonS3Client(new SessionAWSCredentials(server.AccessKeyId, server.SecretAccessKey, "any-session-token"), Config(server));

        await s3.PutBucketAsync("tokens");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "tokens", Key = "k", ContentBody = "v" });

        Assert.NotNull(server.Store.Get("tokens", "k"));
    }

    [Fact]
    public async Task Signing_for_another_region_is_refused()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Region = "eu-west-1" });
        var config = Config(server);
        config.AuthenticationRegion = "us-west-2";
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(server.AccessKeyId, server.SecretAccessKey), config);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "b" }));

        Assert.Equal("AuthorizationHeaderMalformed", error.ErrorCode);
        Assert.Contains("expecting 'eu-west-1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposed_server_no_longer_answers()
    {
        var server = await EmulatorServer.StartAsync();
        var health = new Uri(server.Endpoint, "/_emulator/health");
        await server.DisposeAsync();
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(health));
    }

    private static AmazonS3Config Config(EmulatorServer server) =>
        new() { ServiceURL = server.Settings.EndpointUrl, ForcePathStyle = true, AuthenticationRegion = server.Region };
}
