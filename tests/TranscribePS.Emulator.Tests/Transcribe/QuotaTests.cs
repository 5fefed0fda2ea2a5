using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class QuotaTests
{
    [Fact]
    public void Default_concurrent_quotas_are_the_services()
    {
        var api = new TranscribeHarness().Api;

        Assert.Equal(250, api.GetConcurrentJobQuota(TranscribeJobFamily.Standard));
        Assert.Equal(250, api.GetConcurrentJobQuota(TranscribeJobFamily.Medical));
        Assert.Equal(100, api.GetConcurrentJobQuota(TranscribeJobFamily.CallAnalytics));
    }

    [Fact]
    public async Task Medical_start_over_the_concurrent_quota_is_refused_until_a_job_finishes()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { MaxConcurrentMedicalJobs = 2 });
        await emulator.StartMedicalAsync("m1");
        await emulator.StartMedicalAsync("m2");
        emulator.PutWav("m3.wav", 10);

        var error = await emulator.FailsAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("m3", "s3://media-in/m3.wav"));
        Assert.Equal("LimitExceededException", error.ErrorType);
        Assert.Equal(429, error.StatusCode);

        await emulator.GetMedicalAsync("m1");
        var started = await emulator.CallAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("m3", "s3://media-in/m3.wav"));
        Assert.Equal("IN_PROGRESS", started["MedicalTranscriptionJob"]!["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Quotas_are_counted_per_job_family()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.SetConcurrentJobQuota(TranscribeJobFamily.Medical, 1);
        await emulator.StartMedicalAsync("medical-running");

        var call = await emulator.StartCallAnalyticsAsync("call-still-allowed");

        Assert.Equal("IN_PROGRESS", call["CallAnalyticsJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_analytics_without_a_role_is_refused_over_the_quota()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { MaxConcurrentCallAnalyticsJobs = 1 });
        await emulator.StartCallAnalyticsAsync("c1");
        emulator.PutWav("c2.wav", 10, 8000, 2);

        var error = await emulator.FailsAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("c2", "s3://media-in/c2.wav"));

        Assert.Equal("LimitExceededException", error.ErrorType);
    }

    [Fact]
    public async Task Call_analytics_with_a_role_is_queued_over_the_quota_and_runs_when_a_slot_frees()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { MaxConcurrentCallAnalyticsJobs = 1 });
        await emulator.StartCallAnalyticsAsync("first", roleArn: TranscribeHarness.RoleArn);

        var queued = await emulator.StartCallAnalyticsAsync("second", roleArn: TranscribeHarness.RoleArn);
        Assert.Equal("QUEUED", queued["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.Null(queued["StartTime"]);

        // The first read finishes "first" and so frees the slot "second" starts in; the next read finishes it.
        Assert.Equal("COMPLETED", (await emulator.GetCallAnalyticsAsync("first"))["CallAnalyticsJobStatus"]!.GetValue<string>());
        var running = await emulator.CallAsync("ListCallAnalyticsJobs", new { Status = "IN_PROGRESS" });
        Assert.Empty(running["CallAnalyticsJobSummaries"]!.AsArray());
        Assert.Equal("COMPLETED", (await emulator.GetCallAnalyticsAsync("second"))["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.Equal(["IN_PROGRESS", "QUEUED"], emulator.Api.StartAttempts.Select(a => a.Outcome).ToList());
    }

    [Fact]
    public async Task Queued_jobs_start_in_order_as_realistic_jobs_finish()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions
        {
            TimingMode = TranscribeTimingMode.Realistic,
            QueueDelay = TimeSpan.Zero,
            BaseProcessingTime = TimeSpan.FromSeconds(10),
            ProcessingFactor = 0,
            MaxConcurrentCallAnalyticsJobs = 1,
        });
        await emulator.StartCallAnalyticsAsync("q1", roleArn: TranscribeHarness.RoleArn);
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        await emulator.StartCallAnalyticsAsync("q2", roleArn: TranscribeHarness.RoleArn);
        await emulator.StartCallAnalyticsAsync("q3", roleArn: TranscribeHarness.RoleArn);

        emulator.Clock.Advance(TimeSpan.FromSeconds(25));
        var q2 = await emulator.GetCallAnalyticsAsync("q2");
        var q3 = await emulator.GetCallAnalyticsAsync("q3");

        // q1 ends at 10 s, q2 runs 10-20 s, q3 starts at 20 s and is still running at 26 s.
        Assert.Equal("COMPLETED", q2["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.Equal(q2["CreationTime"]!.GetValue<double>() + 9, q2["StartTime"]!.GetValue<double>());
        Assert.Equal("IN_PROGRESS", q3["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.Equal(q2["CompletionTime"]!.GetValue<double>(), q3["StartTime"]!.GetValue<double>());
    }

    [Fact]
    public async Task Standard_job_allowing_deferred_execution_is_queued_over_the_quota()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { MaxConcurrentStandardJobs = 1 });
        string uri = emulator.PutWav("std.wav", 10);
        object Request(string name, bool deferred) => deferred
            ? new { TranscriptionJobName = name, LanguageCode = "en-US", Media = new { MediaFileUri = uri }, JobExecutionSettings = new { AllowDeferredExecution = true, DataAccessRoleArn = TranscribeHarness.RoleArn } }
            : new { TranscriptionJobName = name, LanguageCode = "en-US", Media = new { MediaFileUri = uri } };

        await emulator.CallAsync("StartTranscriptionJob", Request("s1", deferred: false));
        var refused = await emulator.FailsAsync("StartTranscriptionJob", Request("s2", deferred: false));
        var queued = await emulator.CallAsync("StartTranscriptionJob", Request("s3", deferred: true));

        Assert.Equal("LimitExceededException", refused.ErrorType);
        Assert.Equal("QUEUED", queued["TranscriptionJob"]!["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Raising_the_quota_starts_waiting_jobs()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { MaxConcurrentCallAnalyticsJobs = 0 });
        await emulator.StartCallAnalyticsAsync("waiting", roleArn: TranscribeHarness.RoleArn);

        emulator.Api.SetConcurrentJobQuota(TranscribeJobFamily.CallAnalytics, 5);

        Assert.Equal("IN_PROGRESS", Assert.Single(emulator.Api.Jobs).Status);
    }
}
