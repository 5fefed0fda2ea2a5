using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Waiting;

/// <summary>The waiter over the real client and the emulator's wire protocol, jobs finishing on first read.</summary>
public sealed class JobWaiterEmulatorTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    // Fast paces so the real clock is not waited on; the planner's choice depends only on their ratio.
    private static readonly WaitOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        MaxGetCallsPerSecond = 500,
        MaxListCallsPerSecond = 100,
        Timeout = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task Waiter_lists_then_reads_finished_medical_jobs_through_the_client()
    {
        using var client = CreateClient();
        var jobs = new TranscribeJobs(client);
        var started = new List<TranscriptionJob>();
        for (var i = 0; i < 20; i++)
        {
            var rate = i == 4 ? 8000 : 16000;
            Server.Store.Put("in", $"ward7/visit-{i:00}.wav", SyntheticMedia.Wav(2.0, sampleRate: rate));
            var response = await client.StartMedicalTranscriptionJobAsync(
                new StartMedicalTranscriptionJobRequest
                {
                    MedicalTranscriptionJobName = $"ward7-visit-{i:00}",
                    Media = new Media { MediaFileUri = $"s3://in/ward7/visit-{i:00}.wav" },
                    OutputBucketName = "out",
                },
                CancellationToken.None);
            started.Add(jobs.FromMedical(response.MedicalTranscriptionJob, $"ward7-visit-{i:00}"));
        }

        var results = await new JobWaiter(jobs).WaitAsync(started, Fast, null, CancellationToken.None).ToListAsync();

        Assert.Equal(20, results.Count);
        var failed = Assert.Single(results, r => r.Outcome == WaitOutcome.Failed);
        Assert.Equal("ward7-visit-04", failed.JobName);
        Assert.False(string.IsNullOrEmpty(failed.Job!.FailureReason));
        Assert.All(results.Where(r => r.Outcome == WaitOutcome.Completed), r => Assert.False(string.IsNullOrEmpty(r.Job!.TranscriptUri)));
        Assert.Equal(19, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.True(Server.Requests["ListMedicalTranscriptionJobs"] >= 1);
        Assert.InRange(Server.Requests["GetMedicalTranscriptionJob"], 20, 20 + (2 * WaitPlanner.SpotChecksPerListCycle));
    }

    [Fact]
    public async Task Waiter_reports_a_name_the_service_does_not_know_as_NotFound()
    {
        using var client = CreateClient();

        var results = await new JobWaiter(new TranscribeJobs(client)).WaitAsync([WaitHarness.Named(JobKind.CallAnalytics, "no-such-call")], Fast, null, CancellationToken.None).ToListAsync();

        Assert.Equal(WaitOutcome.NotFound, Assert.Single(results).Outcome);
        Assert.Equal(2, Server.Requests["GetCallAnalyticsJob"]);
    }

    private TranscribeClient CreateClient() => new(
        new TranscribeClientConfig { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region },
        new BasicAWSCredentials(Fixture.Settings.AccessKeyId, Fixture.Settings.SecretAccessKey));
}
