using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TranscribePS.Emulator.Auth;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>Temporary credentials: accepted with their session token until they expire, then refused as AWS refuses them.</summary>
public sealed class TemporaryCredentialTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private const string Key = "ASIATPSTEMPORARYKEY1";
    private const string Secret = "temporary/secret/key";
    private const string Token = "session-token-one";

    [Fact]
    public async Task Transcribe_answers_ExpiredTokenException_once_the_calls_are_used_up()
    {
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = Key, SecretAccessKey = Secret, SessionToken = Token, ExpiresAfterCalls = 2 });
        using var client = new RawClient(Fixture, Secret, Key, Token);

        using var first = await client.TranscribeAsync("ListMedicalTranscriptionJobs");
        using var second = await client.TranscribeAsync("ListMedicalTranscriptionJobs");
        using var third = await client.TranscribeAsync("ListMedicalTranscriptionJobs");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Equal("ExpiredTokenException", third.Headers.GetValues("X-Amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal("The security token included in the request is expired", body.RootElement.GetProperty("Message").GetString());
        Assert.Equal(3, Assert.Single(Server.TemporaryCredentials.All).Calls);
    }

    [Fact]
    public async Task S3_answers_ExpiredToken_through_the_sdk_once_expired_by_hand()
    {
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = Key, SecretAccessKey = Secret, SessionToken = Token });
        using var s3 = Fixture.CreateS3Client(credentials: new SessionAWSCredentials(Key, Secret, Token));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "media", Key = "before.txt", ContentBody = "v" });

        using var http = new HttpClient();
        using var expired = await http.PostAsync(new Uri(Server.Endpoint, $"/_emulator/credentials/{Key}/expire"), null);
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = "media", Key = "after.txt", ContentBody = "v" }));

        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        Assert.Equal("ExpiredToken", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.NotNull(Server.Store.Get("media", "before.txt"));
        Assert.Null(Server.Store.Get("media", "after.txt"));
    }

    [Fact]
    public async Task A_temporary_key_without_its_session_token_is_an_invalid_token()
    {
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = Key, SecretAccessKey = Secret, SessionToken = Token });
        using var noToken = new RawClient(Fixture, Secret, Key);
        using var otherToken = new RawClient(Fixture, Secret, Key, "another-token");

        using var transcribe = await noToken.TranscribeAsync("ListMedicalTranscriptionJobs");
        using var s3 = await otherToken.S3Async(HttpMethod.Get, $"/{"media"}?list-type=2");

        Assert.Equal(HttpStatusCode.Forbidden, transcribe.StatusCode);
        Assert.Equal("UnrecognizedClientException", transcribe.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.BadRequest, s3.StatusCode);
        Assert.Equal("InvalidToken", (await RawClient.ErrorXmlAsync(s3))["Code"]);
    }

    [Fact]
    public async Task A_badly_signed_call_learns_nothing_of_the_expiry_and_does_not_count()
    {
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = Key, SecretAccessKey = Secret, SessionToken = Token, ExpiresAfterCalls = 0 });
        using var client = new RawClient(Fixture, "not-the-secret", Key, Token);

        using var response = await client.TranscribeAsync("ListMedicalTranscriptionJobs");

        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal(0, Assert.Single(Server.TemporaryCredentials.All).Calls);
    }

    [Fact]
    public async Task Credentials_route_adds_lists_and_reset_forgets()
    {
        using var http = new HttpClient();
        using var put = await http.PutAsJsonAsync(
            new Uri(Server.Endpoint, "/_emulator/credentials"),
            new { accessKeyId = Key, secretAccessKey = Secret, sessionToken = Token, expiresAfterCalls = 5 });
        using var bad = await http.PutAsJsonAsync(new Uri(Server.Endpoint, "/_emulator/credentials"), new { accessKeyId = "ASIANOTOKEN", secretAccessKey = Secret });
        using var missing = await http.PostAsync(new Uri(Server.Endpoint, "/_emulator/credentials/ASIAUNKNOWN/expire"), null);
        var listed = await http.GetFromJsonAsync<JsonElement>(new Uri(Server.Endpoint, "/_emulator/credentials"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sessionToken", await bad.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal(Key, only.GetProperty("accessKeyId").GetString());
        Assert.Equal(5, only.GetProperty("expiresAfterCalls").GetInt32());
        Assert.False(only.GetProperty("expired").GetBoolean());

        Server.Reset();

        Assert.Empty(Server.TemporaryCredentials.All);
    }
}
