using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Emulator.Auth;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Client;

/// <summary>
/// A session token that expires while the module still holds it: credentials from a profile are read again and the
/// call repeated once; fixed or unchanged credentials fail with CredentialsExpired, naming no key or token.
/// </summary>
public sealed class ExpiredCredentialsTests : EmulatorTest, IDisposable
{
    private const string OldKey = "ASIATPSOLDSESSIONKEY";
    private const string OldSecret = "old/temporary/secret";
    private const string OldToken = "OLD-SESSION-TOKEN-FwoGZXIvYXdz";
    private const string NewKey = "ASIATPSNEWSESSIONKEY";
    private const string NewSecret = "new/temporary/secret";
    private const string NewToken = "NEW-SESSION-TOKEN-IQoJb3JpZ2lu";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("transcribeps-expiry-");
    private readonly string _credentialsFile;

    public ExpiredCredentialsTests(EmulatorFixture fixture)
        : base(fixture)
    {
        _credentialsFile = Path.Combine(_folder.FullName, "credentials");
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = OldKey, SecretAccessKey = OldSecret, SessionToken = OldToken, ExpiresAfterCalls = 1 });
        Server.TemporaryCredentials.Set(new TemporaryCredential { AccessKeyId = NewKey, SecretAccessKey = NewSecret, SessionToken = NewToken });
        WriteProfile(OldKey, OldSecret, OldToken);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_profile_rewritten_with_a_new_session_is_read_again_and_the_call_repeated()
    {
        using var clients = new AwsClients(Settings());
        await clients.Transcribe.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);
        WriteProfile(NewKey, NewSecret, NewToken);

        var listed = await clients.Transcribe.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);

        Assert.NotNull(listed);
        var calls = Server.TemporaryCredentials.All.ToDictionary(c => c.AccessKeyId, c => c.Calls);
        Assert.Equal(2, calls[OldKey]);
        Assert.Equal(1, calls[NewKey]);
        Assert.Equal(3, Server.Requests["ListMedicalTranscriptionJobs"]);
    }

    [Fact]
    public async Task A_profile_not_refreshed_fails_as_expired_after_one_more_read_and_no_second_call()
    {
        using var clients = new AwsClients(Settings());
        await clients.Transcribe.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => clients.Transcribe.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None));

        Assert.Equal(AwsErrorKind.CredentialsExpired, ex.Kind);
        Assert.Equal("TranscribeCredentialsExpired", ex.ErrorId);
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex.Message);
        Assert.Equal(2, Server.Requests["ListMedicalTranscriptionJobs"]);
    }

    [Fact]
    public async Task An_upload_whose_session_expired_is_repeated_with_the_rewritten_profile()
    {
        var recording = Path.Combine(_folder.FullName, "visit.wav");
        await File.WriteAllBytesAsync(recording, TranscribePS.Emulator.Media.SyntheticMedia.Wav(1));
        using var clients = new AwsClients(Settings());
        await clients.Transfer.UploadAsync(recording, "media", "first.wav", null, checkExisting: false, CancellationToken.None);
        WriteProfile(NewKey, NewSecret, NewToken);

        var second = await clients.Transfer.UploadAsync(recording, "media", "second.wav", null, checkExisting: false, CancellationToken.None);

        Assert.False(second.Skipped);
        Assert.NotNull(Server.Store.Get("media", "second.wav"));
        var calls = Server.TemporaryCredentials.All.ToDictionary(c => c.AccessKeyId, c => c.Calls);
        Assert.Equal(2, calls[OldKey]);
        Assert.Equal(1, calls[NewKey]);
    }

    [Fact]
    public async Task An_upload_whose_session_expired_and_was_not_renewed_is_S3CredentialsExpired()
    {
        var recording = Path.Combine(_folder.FullName, "visit.wav");
        await File.WriteAllBytesAsync(recording, TranscribePS.Emulator.Media.SyntheticMedia.Wav(1));
        using var clients = new AwsClients(Settings());
        await clients.Transfer.UploadAsync(recording, "media", "first.wav", null, checkExisting: false, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<S3Exception>(() => clients.Transfer.UploadAsync(recording, "media", "second.wav", null, checkExisting: false, CancellationToken.None));

        Assert.Equal("S3CredentialsExpired", ex.ErrorId);
        AssertNoSecret(ex.Message);
        Assert.Null(Server.Store.Get("media", "second.wav"));
    }

    [Fact]
    public async Task Fixed_session_credentials_are_not_retried()
    {
        using var client = new TranscribeClient(
            new TranscribeClientConfig { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region },
            new SessionAWSCredentials(OldKey, OldSecret, OldToken));
        await client.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => client.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None));

        Assert.Equal(AwsErrorKind.CredentialsExpired, ex.Kind);
        AssertNoSecret(ex.Message);
        Assert.Equal(2, Server.Requests["ListMedicalTranscriptionJobs"]);
    }

    [Fact]
    public void Renew_takes_new_credentials_once_and_says_so_to_every_caller_of_that_generation()
    {
        var source = new SessionAWSCredentials(OldKey, OldSecret, OldToken);
        var renewable = new RenewableCredentials(source, () => source);
        var mark = renewable.Generation;

        Assert.False(renewable.Renew(mark));
        source = new SessionAWSCredentials(NewKey, NewSecret, NewToken);
        Assert.True(renewable.Renew(mark));
        Assert.True(renewable.Renew(mark));
        Assert.Equal(NewToken, renewable.GetCredentials().Token);
        Assert.False(renewable.Renew(renewable.Generation));
    }

    [Fact]
    public void Renew_from_a_source_that_fails_or_is_gone_keeps_the_credentials()
    {
        var renewable = new RenewableCredentials(new SessionAWSCredentials(OldKey, OldSecret, OldToken), () => throw new IOException("file locked"));
        var gone = new RenewableCredentials(new SessionAWSCredentials(OldKey, OldSecret, OldToken), () => null);

        Assert.False(renewable.Renew(0));
        Assert.False(gone.Renew(0));
        Assert.Equal(OldKey, renewable.GetCredentials().AccessKey);
    }

    private static void AssertNoSecret(string message)
    {
        foreach (var secret in new[] { OldKey, OldSecret, OldToken, NewKey, NewSecret, NewToken })
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }
    }

    private AwsSettings Settings() => AwsSettings.Resolve(new AwsSettingsInput
    {
        ProfileName = "night-session",
        ProfileLocation = _credentialsFile,
        Region = Fixture.Settings.Region,
        EndpointUrl = Fixture.Settings.EndpointUrl,
        Environment = _ => null,
    });

    private void WriteProfile(string key, string secret, string token) => File.WriteAllText(_credentialsFile, $"""
        [night-session]
        aws_access_key_id = {key}
        aws_secret_access_key = {secret}
        aws_session_token = {token}
        """);
}
