using TranscribePS.Commands;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Emulator.Hosting;
using TranscribePS.Infrastructure;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>
/// A job piped on is reached where it lives: the shared emulator (us-east-1) is where the environment points, a
/// second one (eu-west-1) is where the jobs live.
/// </summary>
public sealed class JobLocationCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture), IAsyncLifetime
{
    private EmulatorServer? _far;

    private EmulatorServer Far => _far!;

    public async Task InitializeAsync() => _far = await EmulatorServer.StartAsync(new EmulatorOptions { Region = "eu-west-1" });

    public async Task DisposeAsync() => await Far.DisposeAsync();

    [Fact]
    public async Task Wait_reads_a_piped_job_where_it_lives_and_not_where_the_environment_points()
    {
        // As Start emitted it: still running, so the wait has to ask the service.
        var job = await FarJobAsync("far-visit") with { Status = JobStatus.InProgress, TranscriptUri = null };

        using var wait = Home(new WaitTranscribeJobCommand { InputObject = [job], PollInterval = TimeSpan.FromMilliseconds(50) });
        var host = CmdletRunner.Run(wait, new RecordingHost("InputObject"));

        Assert.Empty(host.Errors);
        var done = Assert.Single(host.ObjectsOf<TranscriptionJob>());
        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal("eu-west-1", done.Region);
        Assert.Equal(0, Server.Requests.Total);
        Assert.True(Far.Requests["GetMedicalTranscriptionJob"] > 0);
    }

    [Fact]
    public async Task Given_a_region_and_endpoint_the_piped_job_is_looked_for_there()
    {
        var job = await FarJobAsync("far-visit");

        using var get = Home(new GetTranscribeJobCommand { InputObject = [job], Region = Server.Settings.Region, EndpointUrl = Server.Settings.EndpointUrl });
        var host = CmdletRunner.Run(get, new RecordingHost("InputObject"));

        Assert.Equal("TranscribeNotFound", Assert.Single(host.Errors).ErrorId);
        Assert.True(Server.Requests["GetMedicalTranscriptionJob"] > 0);
    }

    [Fact]
    public async Task Remove_deletes_the_job_and_its_output_where_they_live()
    {
        var job = await FarJobAsync("far-visit");
        using (var wait = Home(new WaitTranscribeJobCommand { InputObject = [job], PollInterval = TimeSpan.FromMilliseconds(50) }))
        {
            job = CmdletRunner.Run(wait, new RecordingHost("InputObject")).ObjectsOf<TranscriptionJob>().Single();
        }

        using var remove = Home(new RemoveTranscribeJobCommand { InputObject = [job], IncludeOutputOn = true });
        var host = CmdletRunner.Run(remove, new RecordingHost("InputObject"));

        Assert.Empty(host.Errors);
        Assert.Equal(1, Far.Requests["DeleteMedicalTranscriptionJob"]);
        Assert.Equal(1, Far.Requests["DeleteObject"]);
        Assert.Equal(0, Server.Requests.Total);
    }

    /// <summary>
    /// A cmdlet as a user runs it with the environment pointing at the shared emulator: no -Region, no -EndpointUrl
    /// (keys as parameters, since the SDK's own chain reads the machine's environment, not the test's).
    /// </summary>
    private T Home<T>(T cmdlet)
        where T : AwsCmdlet
    {
        var environment = Server.Settings.ToEnvironment().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        cmdlet.EnvironmentReader = name => environment.GetValueOrDefault(name);
        cmdlet.AccessKey = Server.Settings.AccessKeyId;
        cmdlet.SecretKey = Server.Settings.SecretAccessKey;
        return cmdlet;
    }

    private async Task<TranscriptionJob> FarJobAsync(string name)
    {
        await CmdletTestSupport.StartMedicalAsync(Far, name);
        using var client = CmdletTestSupport.Client(Far);
        var job = await new TranscribeJobs(client).GetAsync(JobKind.Medical, name, CancellationToken.None);
        Assert.Equal("eu-west-1", job.Region);
        Server.Requests.Reset();
        Far.Requests.Reset();
        return job;
    }
}
