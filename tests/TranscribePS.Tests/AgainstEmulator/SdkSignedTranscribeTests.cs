using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.AgainstEmulator;

/// <summary>Transcribe calls signed by AWSSDK.Core's own signer (through the module's client) pass the verifier.</summary>
public sealed class SdkSignedTranscribeTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Sdk_signed_list_call_is_accepted()
    {
        using var client = CreateClient(Fixture.Settings.SecretAccessKey);
        var response = await client.ListCallAnalyticsJobsAsync(new ListCallAnalyticsJobsRequest { MaxResults = TranscribeClient.MaxPageSize }, CancellationToken.None);

        Assert.Empty(response.CallAnalyticsJobSummaries ?? []);
        Assert.Equal(1, Server.Requests["ListCallAnalyticsJobs"]);
    }

    [Fact]
    public async Task Sdk_signed_call_with_the_wrong_secret_is_refused_as_InvalidSignatureException()
    {
        using var client = CreateClient("not-the-secret");
        var error = await Assert.ThrowsAsync<TranscribeException>(() => client.ListCallAnalyticsJobsAsync(new ListCallAnalyticsJobsRequest(), CancellationToken.None));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task Sdk_retries_a_scripted_throttle_and_the_retry_is_counted()
    {
        Server.Faults.Add(FaultRule.Throttle("ListCallAnalyticsJobs").OnCall(1));
        using var client = CreateClient(Fixture.Settings.SecretAccessKey);

        await client.ListCallAnalyticsJobsAsync(new ListCallAnalyticsJobsRequest(), CancellationToken.None);

        Assert.Equal(2, Server.Requests["ListCallAnalyticsJobs"]);
    }

    private TranscribeClient CreateClient(string secret) =>
        new(
            new TranscribeClientConfig { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region },
            new BasicAWSCredentials(Fixture.Settings.AccessKeyId, secret));
}
