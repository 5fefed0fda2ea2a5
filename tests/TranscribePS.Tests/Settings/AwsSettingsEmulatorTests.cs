using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Settings;

public sealed class AwsSettingsEmulatorTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Settings_from_the_environment_reach_the_emulator_for_transcribe_and_s3()
    {
        var environment = Fixture.Settings.ToEnvironment().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var settings = AwsSettings.Resolve(new AwsSettingsInput
        {
            AccessKey = environment["AWS_ACCESS_KEY_ID"],
            SecretKey = environment["AWS_SECRET_ACCESS_KEY"],
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        });
        using var clients = new AwsClients(settings);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);

            var upload = await clients.Transfer.UploadAsync(file, "recordings", "settings/probe.bin", null, CancellationToken.None);
            var jobs = await clients.Jobs.ListAsync(JobKind.CallAnalytics, null, null, CancellationToken.None).ToListAsync();

            Assert.False(upload.Skipped);
            Assert.Equal([1, 2, 3, 4], Server.Store.Get("recordings", "settings/probe.bin")!.Data);
            Assert.Empty(jobs);
            Assert.Equal(1, Server.Requests["ListCallAnalyticsJobs"]);
            Assert.Equal(Fixture.Settings.Region, settings.Region);
            Assert.Equal("AWS_ENDPOINT_URL", settings.TranscribeEndpointSource);
            Assert.Equal("AWS_ENDPOINT_URL", settings.S3EndpointSource);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
