using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class LifecycleTests
{
    [Fact]
    public async Task Instant_medical_job_is_in_progress_on_start_and_completed_when_read_back()
    {
        var emulator = new TranscribeHarness();
        var started = await emulator.StartMedicalAsync("visit-001");

        Assert.Equal("IN_PROGRESS", started["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Null(started["CompletionTime"]);
        Assert.Null(started["Transcript"]!["TranscriptFileUri"]);

        var job = await emulator.GetMedicalAsync("visit-001");
        Assert.Equal("COMPLETED", job["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Equal("https://s3.us-east-1.amazonaws.com/transcripts-out/medical/visit-001.json", job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
        Assert.Equal("PRIMARYCARE", job["Specialty"]!.GetValue<string>());
        Assert.Equal("CONVERSATION", job["Type"]!.GetValue<string>());
        Assert.Equal("wav", job["MediaFormat"]!.GetValue<string>());
        Assert.Equal(16000, job["MediaSampleRateHertz"]!.GetValue<int>());
        double created = job["CreationTime"]!.GetValue<double>();
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), created);
        Assert.True(job["CompletionTime"]!.GetValue<double>() >= job["StartTime"]!.GetValue<double>());
    }

    [Fact]
    public async Task Instant_call_analytics_job_completes_on_list_and_reports_its_status_member()
    {
        var emulator = new TranscribeHarness();
        var started = await emulator.StartCallAnalyticsAsync("call-001");
        Assert.Equal("IN_PROGRESS", started["CallAnalyticsJobStatus"]!.GetValue<string>());

        var list = await emulator.CallAsync("ListCallAnalyticsJobs", new { Status = "COMPLETED", MaxResults = 100 });
        var summary = Assert.Single(list["CallAnalyticsJobSummaries"]!.AsArray())!;
        Assert.Equal("call-001", summary["CallAnalyticsJobName"]!.GetValue<string>());
        Assert.Equal("COMPLETED", summary["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.Equal("COMPLETED", list["Status"]!.GetValue<string>());

        var job = await emulator.GetCallAnalyticsAsync("call-001");
        Assert.Equal("https://s3.us-east-1.amazonaws.com/transcripts-out/calls/analytics/call-001.json", job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Realistic_job_is_queued_then_in_progress_then_completed_as_the_clock_moves()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions
        {
            TimingMode = TranscribeTimingMode.Realistic,
            QueueDelay = TimeSpan.FromSeconds(2),
            BaseProcessingTime = TimeSpan.FromSeconds(5),
            ProcessingFactor = 0.5,
        });
        await emulator.StartMedicalAsync("slow-visit", seconds: 60);

        Assert.Equal("QUEUED", (await emulator.GetMedicalAsync("slow-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));
        var running = await emulator.GetMedicalAsync("slow-visit");
        Assert.Equal("IN_PROGRESS", running["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.NotNull(running["StartTime"]);

        // 2 s queue + 5 s base + 60 s * 0.5 = 37 s after creation.
        emulator.Clock.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal("IN_PROGRESS", (await emulator.GetMedicalAsync("slow-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
        emulator.Clock.Advance(TimeSpan.FromSeconds(2));
        var done = await emulator.GetMedicalAsync("slow-visit");
        Assert.Equal("COMPLETED", done["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Equal(done["CreationTime"]!.GetValue<double>() + 37, done["CompletionTime"]!.GetValue<double>());
    }

    [Fact]
    public async Task Realistic_processing_time_grows_with_audio_duration()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { TimingMode = TranscribeTimingMode.Realistic, QueueDelay = TimeSpan.Zero, BaseProcessingTime = TimeSpan.FromSeconds(1), ProcessingFactor = 0.25 });
        await emulator.StartMedicalAsync("short-visit", seconds: 20);
        await emulator.StartMedicalAsync("long-visit", seconds: 200);

        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("COMPLETED", (await emulator.GetMedicalAsync("short-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Equal("IN_PROGRESS", (await emulator.GetMedicalAsync("long-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
        emulator.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal("COMPLETED", (await emulator.GetMedicalAsync("long-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Advancing_the_emulator_clock_moves_jobs_without_touching_the_underlying_clock()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { TimingMode = TranscribeTimingMode.Realistic, QueueDelay = TimeSpan.Zero, BaseProcessingTime = TimeSpan.FromSeconds(30), ProcessingFactor = 0 });
        await emulator.StartCallAnalyticsAsync("clocked-call");
        var before = emulator.Api.Now;

        emulator.Api.AdvanceClock(TimeSpan.FromMinutes(1));

        Assert.Equal(before + TimeSpan.FromMinutes(1), emulator.Api.Now);
        Assert.Equal("COMPLETED", Assert.Single(emulator.Api.Jobs).Status);
    }

    [Fact]
    public async Task Switching_from_realistic_to_instant_finishes_running_jobs_on_the_next_read()
    {
        var emulator = new TranscribeHarness(new TranscribeOptions { TimingMode = TranscribeTimingMode.Realistic, QueueDelay = TimeSpan.Zero, BaseProcessingTime = TimeSpan.FromHours(1) });
        await emulator.StartMedicalAsync("switch-visit");
        Assert.Equal("IN_PROGRESS", (await emulator.GetMedicalAsync("switch-visit"))["TranscriptionJobStatus"]!.GetValue<string>());

        emulator.Api.SetTiming(TranscribeTimingMode.Instant);

        Assert.Equal("COMPLETED", (await emulator.GetMedicalAsync("switch-visit"))["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_returns_newest_first_in_pages_of_the_requested_size_with_a_next_token()
    {
        var emulator = new TranscribeHarness();
        for (int i = 1; i <= 7; i++)
        {
            await emulator.StartMedicalAsync($"batch-{i}");
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { });
        var firstNames = first["MedicalTranscriptionJobSummaries"]!.AsArray().Select(s => s!["MedicalTranscriptionJobName"]!.GetValue<string>()).ToList();
        Assert.Equal(["batch-7", "batch-6", "batch-5", "batch-4", "batch-3"], firstNames);

        var second = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { NextToken = first["NextToken"]!.GetValue<string>() });
        var secondNames = second["MedicalTranscriptionJobSummaries"]!.AsArray().Select(s => s!["MedicalTranscriptionJobName"]!.GetValue<string>()).ToList();
        Assert.Equal(["batch-2", "batch-1"], secondNames);
        Assert.Null(second["NextToken"]);
    }

    [Fact]
    public async Task List_filters_by_status_and_case_insensitive_name_fragment()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("Ward-A-1");
        await emulator.StartMedicalAsync("ward-b-1");
        await emulator.CallAsync("ListMedicalTranscriptionJobs", new { });
        await emulator.StartMedicalAsync("ward-a-2");

        var running = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { Status = "IN_PROGRESS", JobNameContains = "WARD-A", MaxResults = 100 });
        // The list itself is a read: in Instant mode it completes ward-a-2 before filtering, so nothing is left running.
        Assert.Empty(running["MedicalTranscriptionJobSummaries"]!.AsArray());

        var completed = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { Status = "COMPLETED", JobNameContains = "ward-a", MaxResults = 100 });
        var names = completed["MedicalTranscriptionJobSummaries"]!.AsArray().Select(s => s!["MedicalTranscriptionJobName"]!.GetValue<string>()).ToList();
        Assert.Equal(["ward-a-2", "Ward-A-1"], names);
    }

    [Fact]
    public async Task Summaries_carry_the_members_the_model_defines_for_medical_jobs()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("summary-visit", contentIdentification: "PHI");

        var list = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { MaxResults = 100 });
        var summary = Assert.Single(list["MedicalTranscriptionJobSummaries"]!.AsArray())!.AsObject();

        Assert.Equal(
            ["MedicalTranscriptionJobName", "StartTime", "CreationTime", "CompletionTime", "LanguageCode", "TranscriptionJobStatus", "OutputLocationType", "Specialty", "ContentIdentificationType", "Type"],
            summary.Select(p => p.Key).ToList());
        Assert.Equal("CUSTOMER_BUCKET", summary["OutputLocationType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleted_job_is_gone_and_its_name_can_be_used_again()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartCallAnalyticsAsync("reused-name");
        await emulator.GetCallAnalyticsAsync("reused-name");

        var deleted = await emulator.CallAsync("DeleteCallAnalyticsJob", new { CallAnalyticsJobName = "reused-name" });
        Assert.Empty(deleted.AsObject());
        var missing = await emulator.FailsAsync("GetCallAnalyticsJob", new { CallAnalyticsJobName = "reused-name" });
        Assert.Equal("BadRequestException", missing.ErrorType);

        var again = await emulator.StartCallAnalyticsAsync("reused-name");
        Assert.Equal("IN_PROGRESS", again["CallAnalyticsJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_attempts_are_recorded_with_their_outcome()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("once");
        await emulator.FailsAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("once", "s3://media-in/once.wav"));
        var malformed = TranscribeHarness.MedicalRequest("twice", "s3://media-in/once.wav");
        malformed.Remove("Type");
        await emulator.FailsAsync("StartMedicalTranscriptionJob", malformed);

        var attempts = emulator.Api.StartAttempts;
        Assert.Equal(["IN_PROGRESS", "ConflictException", "BadRequestException"], attempts.Select(a => a.Outcome).ToList());
        Assert.Equal(["once", "once", "twice"], attempts.Select(a => a.JobName).ToList());
        Assert.All(attempts, a => Assert.Equal(TranscribeJobFamily.Medical, a.Family));
    }

    [Fact]
    public async Task Reset_forgets_jobs_categories_and_clock_advances()
    {
        var emulator = new TranscribeHarness();
        await emulator.StartMedicalAsync("before-reset");
        await emulator.CallAsync("CreateCallAnalyticsCategory", new { CategoryName = "any", Rules = new object[] { new { NonTalkTimeFilter = new { Threshold = 1000 } } } });
        emulator.Api.AdvanceClock(TimeSpan.FromHours(1));

        emulator.Api.Reset();

        Assert.Empty(emulator.Api.Jobs);
        Assert.Equal(emulator.Clock.GetUtcNow(), emulator.Api.Now);
        var list = await emulator.CallAsync("ListCallAnalyticsCategories", new { });
        Assert.Empty(list["Categories"]!.AsArray());
    }
}
