using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;

namespace TranscribePS.Tests.Planning;

public sealed class JobSubmitterTests
{
    private const string PlannedMedia = "s3://tps-output/visit-abcdef012345.wav";

    private readonly List<string> _calls = [];
    private readonly FakeJobs _jobs;
    private readonly FakeStarter _starter;
    private readonly FakeUploader _uploader;
    private readonly JobSubmitter _submitter;

    public JobSubmitterTests()
    {
        _jobs = new FakeJobs(_calls);
        _starter = new FakeStarter(_jobs, _calls);
        _uploader = new FakeUploader(_calls);
        _submitter = new JobSubmitter(_jobs, _starter, _uploader, new SubmissionOptions { ExistenceListFrom = 1 });
    }

    [Fact]
    public async Task New_name_uploads_then_starts()
    {
        var result = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Started, result.Outcome);
        Assert.Equal(UploadOutcome.Uploaded, result.Upload);
        Assert.Equal("visit-1", result.Job.JobName);
        Assert.Equal(PlannedMedia, result.Job.MediaUri);
        Assert.Equal(["list Medical", "upload " + PlannedMedia, "start visit-1"], _calls);
    }

    [Fact]
    public async Task Object_already_in_s3_is_reported_as_skipped()
    {
        _uploader.Outcome = UploadOutcome.Skipped;

        var result = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(UploadOutcome.Skipped, result.Upload);
        Assert.Equal(SubmissionOutcome.Started, result.Outcome);
    }

    [Fact]
    public async Task Upload_progress_reaches_the_callers_reporter()
    {
        var seen = new List<UploadProgress>();

        await _submitter.SubmitAsync(Plan(), new SyncProgress(seen.Add), CancellationToken.None);

        var last = Assert.Single(seen);
        Assert.Equal((1000L, 1000L), (last.BytesTransferred, last.TotalBytes));
    }

    [Fact]
    public async Task S3_media_starts_without_an_upload()
    {
        var plan = Plan() with { Upload = null };

        var result = await _submitter.SubmitAsync(plan, null, CancellationToken.None);

        Assert.Equal(UploadOutcome.None, result.Upload);
        Assert.DoesNotContain(_calls, c => c.StartsWith("upload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Existing_job_for_the_same_recording_is_reused_without_upload_or_start()
    {
        _jobs.Add(Job("visit-1", "s3://tps-output/visit-abcdef012345.wav", JobStatus.InProgress));

        var result = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, result.Outcome);
        Assert.Equal(UploadOutcome.None, result.Upload);
        Assert.Equal(JobStatus.InProgress, result.Job.Status);
        Assert.Equal(["list Medical", "get visit-1"], _calls);
    }

    [Fact]
    public async Task Existing_job_for_another_recording_is_NameTaken_and_nothing_changes()
    {
        _jobs.Add(Job("visit-1", "s3://tps-output/other-recording.wav", JobStatus.Completed));

        var ex = await Assert.ThrowsAsync<PlanProblemException>(() => _submitter.SubmitAsync(Plan(), null, CancellationToken.None));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("NameTaken", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.ResourceExists, problem.Category);
        Assert.Equal("visit-1", problem.Target);
        Assert.Contains("other-recording.wav", problem.Message, StringComparison.Ordinal);
        Assert.Contains("-Force", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["list Medical", "get visit-1"], _calls);
    }

    [Fact]
    public async Task Force_deletes_the_other_recordings_job_then_uploads_and_starts()
    {
        _jobs.Add(Job("visit-1", "s3://tps-output/other-recording.wav", JobStatus.Completed));

        var result = await _submitter.SubmitAsync(Plan() with { Force = true }, null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Replaced, result.Outcome);
        Assert.Equal(PlannedMedia, result.Job.MediaUri);
        Assert.Equal(["list Medical", "get visit-1", "delete visit-1", "upload " + PlannedMedia, "start visit-1"], _calls);
    }

    [Fact]
    public async Task Force_retries_a_failed_job_of_the_same_recording_but_never_a_healthy_one()
    {
        _jobs.Add(Job("visit-1", PlannedMedia, JobStatus.Failed));
        _jobs.Add(Job("visit-2", PlannedMedia, JobStatus.Completed));

        var failed = await _submitter.SubmitAsync(Plan() with { Force = true }, null, CancellationToken.None);
        var healthy = await _submitter.SubmitAsync(Plan() with { JobName = "visit-2", Force = true }, null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Replaced, failed.Outcome);
        Assert.Equal(JobStatus.Queued, failed.Job.Status);
        Assert.Equal(SubmissionOutcome.Reused, healthy.Outcome);
        Assert.Equal(JobStatus.Completed, healthy.Job.Status);
    }

    [Fact]
    public async Task Failed_job_of_the_same_recording_is_reused_without_Force()
    {
        _jobs.Add(Job("visit-1", PlannedMedia, JobStatus.Failed));

        var result = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, result.Outcome);
        Assert.Equal(JobStatus.Failed, result.Job.Status);
    }

    [Fact]
    public async Task Conflict_in_a_race_with_the_same_recording_returns_the_winners_job()
    {
        _starter.Racer = Job("visit-1", PlannedMedia, JobStatus.Queued) with { Tags = new Dictionary<string, string> { ["winner"] = "other" } };

        var result = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, result.Outcome);
        Assert.Equal("other", result.Job.Tags["winner"]);
        Assert.Equal(UploadOutcome.Uploaded, result.Upload);
        Assert.Equal(["list Medical", "upload " + PlannedMedia, "start visit-1", "get visit-1"], _calls);
    }

    [Fact]
    public async Task Conflict_in_a_race_with_another_recording_is_NameTaken()
    {
        _starter.Racer = Job("visit-1", "s3://tps-output/other-recording.wav", JobStatus.Queued);

        var ex = await Assert.ThrowsAsync<PlanProblemException>(() => _submitter.SubmitAsync(Plan(), null, CancellationToken.None));

        Assert.Equal("NameTaken", Assert.Single(ex.Problems).ErrorId);
    }

    [Fact]
    public async Task Conflict_in_a_race_with_Force_replaces_once()
    {
        _starter.Racer = Job("visit-1", "s3://tps-output/other-recording.wav", JobStatus.Queued);

        var result = await _submitter.SubmitAsync(Plan() with { Force = true }, null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Replaced, result.Outcome);
        Assert.Equal(PlannedMedia, result.Job.MediaUri);
        Assert.Equal(["list Medical", "upload " + PlannedMedia, "start visit-1", "get visit-1", "delete visit-1", "start visit-1"], _calls);
    }

    [Fact]
    public async Task Service_failure_on_start_surfaces_as_TranscribeException()
    {
        _starter.Failure = new TranscribeException(AwsErrorKind.AccessDenied, "User is not authorized to perform: transcribe:StartMedicalTranscriptionJob", "AccessDeniedException", 400);

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => _submitter.SubmitAsync(Plan(), null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, ex.Kind);
    }

    [Fact]
    public async Task Too_many_jobs_is_waited_out_and_the_start_goes_through_when_a_slot_frees()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast);
        _starter.Failures.Enqueue(new TranscribeException(AwsErrorKind.TooManyConcurrentJobs, "The limit has been exceeded.", "LimitExceededException", 429));

        var result = await submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Started, result.Outcome);
        // The refusal counts the account's running jobs (the window learns the quota from it), a recheck later the
        // window counts again, finds a slot, and the Start goes again.
        Assert.Equal(
            ["list Medical", "upload " + PlannedMedia, "start visit-1", "list Medical InProgress", "list Medical Queued", "list Medical InProgress", "list Medical Queued", "start visit-1"],
            _calls);
    }

    [Fact]
    public async Task A_full_window_waits_for_a_slot_shows_it_and_starts_when_the_service_counts_one_free()
    {
        var waits = new List<SlotWait>();
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast with { MaxConcurrentJobs = 2, SlotRecheck = TimeSpan.FromMilliseconds(50) }, slotProgress: new SyncProgress<SlotWait>(waits.Add));
        _jobs.FinishAfterCounts = 3;

        foreach (var i in Enumerable.Range(1, 3))
        {
            await submitter.SubmitAsync(Plan() with { JobName = "visit-" + i }, null, CancellationToken.None);
        }

        Assert.Equal(3, _calls.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
        // The third Start waited: visit-1 and visit-2 held the window of 2 until a count found them finished.
        Assert.True(_calls.IndexOf("start visit-3") > _calls.LastIndexOf("list Medical Queued"));
        Assert.Equal([true, false], waits.Select(w => w.Waiting));
        Assert.Equal((JobKind.Medical, 2, 2), (waits[0].Kind, waits[0].Running, waits[0].Limit));
    }

    [Fact]
    public async Task A_run_of_a_few_starts_never_counts_the_window()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader);

        foreach (var i in Enumerable.Range(1, SubmissionOptions.Default.WindowCountFrom - 1))
        {
            await submitter.SubmitAsync(Plan() with { JobName = "visit-" + i }, null, CancellationToken.None);
        }

        Assert.DoesNotContain(_calls, c => c.StartsWith("list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_longer_batch_takes_the_windows_count_from_its_existence_listing()
    {
        _jobs.Add(Job("running-elsewhere", "s3://tps-output/other.wav", JobStatus.InProgress));
        var submitter = new JobSubmitter(_jobs, _starter, _uploader);

        foreach (var i in Enumerable.Range(1, 12))
        {
            await submitter.SubmitAsync(Plan() with { JobName = "visit-" + i }, null, CancellationToken.None);
        }

        Assert.Equal(12, _calls.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
        Assert.Equal(["list Medical"], _calls.Where(c => c.StartsWith("list", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Existing_call_analytics_job_is_looked_up_as_call_analytics()
    {
        _jobs.Add(Job("call-1", "s3://tps-output/call.wav", JobStatus.Completed) with { Kind = JobKind.CallAnalytics });
        var plan = new CallAnalyticsJobPlan { JobName = "call-1", Source = MediaSource.FromUri("s3://tps-output/call.wav"), MediaUri = "s3://tps-output/call.wav" };

        var result = await _submitter.SubmitAsync(plan, null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, result.Outcome);
        Assert.Equal(JobKind.CallAnalytics, result.Job.Kind);
    }

    [Fact]
    public async Task A_batch_of_new_names_lists_once_and_gets_none()
    {
        _jobs.Add(Job("older-job", "s3://tps-output/older.wav", JobStatus.Completed));

        foreach (var i in Enumerable.Range(1, 5))
        {
            await _submitter.SubmitAsync(Plan() with { JobName = "visit-" + i }, null, CancellationToken.None);
        }

        Assert.Equal(1, _calls.Count(c => c == "list Medical"));
        Assert.DoesNotContain(_calls, c => c.StartsWith("get", StringComparison.Ordinal));
        Assert.Equal(5, _calls.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_plans_of_a_run_are_checked_by_get_and_only_a_longer_run_lists()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader);

        foreach (var i in Enumerable.Range(1, 8))
        {
            await submitter.SubmitAsync(Plan() with { JobName = "visit-" + i }, null, CancellationToken.None);
        }

        Assert.Equal(SubmissionOptions.Default.ExistenceListFrom - 1, _calls.Count(c => c.StartsWith("get", StringComparison.Ordinal)));
        Assert.Equal(["list Medical"], _calls.Where(c => c.StartsWith("list", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_listing_cut_short_falls_back_to_a_get_per_name()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast with { MaxExistenceListPages = 0 });

        await submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(["get visit-1", "upload " + PlannedMedia, "start visit-1"], _calls);
    }

    [Fact]
    public async Task A_name_started_earlier_in_the_batch_is_read_not_started_again()
    {
        await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);
        var again = await _submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, again.Outcome);
        Assert.Equal(1, _calls.Count(c => c == "start visit-1"));
        Assert.Equal(1, _calls.Count(c => c == "upload " + PlannedMedia));
    }

    [Theory]
    [InlineData(AwsErrorKind.Throttled)]
    [InlineData(AwsErrorKind.ServiceFault)]
    public async Task Throttled_or_faulty_starts_are_retried_until_one_goes_through(AwsErrorKind kind)
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast);
        _starter.Failures.Enqueue(new TranscribeException(kind, "Rate exceeded", "LimitExceededException", 429));
        _starter.Failures.Enqueue(new TranscribeException(kind, "Rate exceeded", "LimitExceededException", 429));

        var result = await submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Started, result.Outcome);
        Assert.Equal(3, _calls.Count(c => c == "start visit-1"));
    }

    [Fact]
    public async Task A_start_whose_answer_was_lost_is_retried_and_the_job_it_made_is_reused()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast);
        _starter.LoseAnswer = true;

        var result = await submitter.SubmitAsync(Plan(), null, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Reused, result.Outcome);
        Assert.Equal(PlannedMedia, result.Job.MediaUri);
        Assert.Equal(["list Medical", "upload " + PlannedMedia, "start visit-1", "start visit-1", "get visit-1"], _calls);
    }

    [Fact]
    public async Task Throttling_that_never_ends_surfaces_after_the_attempts()
    {
        var submitter = new JobSubmitter(_jobs, _starter, _uploader, Fast with { MaxAttempts = 3 });
        foreach (var _ in Enumerable.Range(0, 10))
        {
            _starter.Failures.Enqueue(new TranscribeException(AwsErrorKind.Throttled, "Rate exceeded", "LimitExceededException", 429));
        }

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => submitter.SubmitAsync(Plan(), null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.Throttled, ex.Kind);
        Assert.Equal(3, _calls.Count(c => c == "start visit-1"));
    }

    private static SubmissionOptions Fast => new() { ExistenceListFrom = 1, FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2), SlotRecheck = TimeSpan.FromMilliseconds(1) };

    private static MedicalJobPlan Plan() => new()
    {
        JobName = "visit-1",
        Source = MediaSource.FromPath("/recordings/visit.wav"),
        MediaUri = PlannedMedia,
        Upload = new PlannedUpload("/recordings/visit.wav", "tps-output", "visit-abcdef012345.wav", new string('a', 64), 1000),
        MediaFormat = "wav",
        OutputBucket = "tps-output",
    };

    private static TranscriptionJob Job(string name, string media, JobStatus status) =>
        new() { JobName = name, Kind = JobKind.Medical, Status = status, MediaUri = media };

    private sealed class SyncProgress(Action<UploadProgress> report) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value) => report(value);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class FakeJobs(List<string> calls) : ITranscribeJobs
    {
        private readonly Dictionary<(JobKind, string), TranscriptionJob> _store = [];

        public void Add(TranscriptionJob job) => _store[(job.Kind, job.JobName)] = job;

        /// <summary>Lists by status (the window's counts) after which every job has finished; null: jobs never finish.</summary>
        public int? FinishAfterCounts { get; set; }

        public bool Contains(JobKind kind, string name) => _store.ContainsKey((kind, name));

        public Task<TranscriptionJob> GetAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
        {
            calls.Add("get " + jobName);
            return _store.TryGetValue((kind, jobName), out var job)
                ? Task.FromResult(job)
                : throw new TranscribeException(AwsErrorKind.NotFound, "The requested job couldn't be found.", "NotFoundException", 404);
        }

        public async IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, string? jobNameContains, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            calls.Add(status is null ? "list " + kind : $"list {kind} {status}");
            if (status is not null && --FinishAfterCounts == 0)
            {
                foreach (var (key, job) in _store.ToList())
                {
                    _store[key] = job with { Status = JobStatus.Completed };
                }
            }

            foreach (var job in _store.Values.Where(j => j.Kind == kind && (status is null || j.Status == status)).ToList())
            {
                yield return job;
            }
        }

        public Task DeleteAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
        {
            calls.Add("delete " + jobName);
            _store.Remove((kind, jobName));
            return Task.CompletedTask;
        }
    }

    private sealed class FakeStarter(FakeJobs jobs, List<string> calls) : IJobStarter
    {
        /// <summary>A job another runner starts under the same name just before our first Start arrives.</summary>
        public TranscriptionJob? Racer { get; set; }

        public TranscribeException? Failure { get; set; }

        /// <summary>Failures of the next Starts, one each, before any reaches the service.</summary>
        public Queue<TranscribeException> Failures { get; } = new();

        /// <summary>The next Start makes its job but its answer never arrives (a dropped connection).</summary>
        public bool LoseAnswer { get; set; }

        public Task<TranscriptionJob> StartAsync(JobPlan plan, CancellationToken cancellationToken)
        {
            calls.Add("start " + plan.JobName);
            if (Failure is not null)
            {
                throw Failure;
            }

            if (Failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            if (Racer is not null)
            {
                jobs.Add(Racer);
                Racer = null;
            }

            if (jobs.Contains(plan.Kind, plan.JobName))
            {
                throw new TranscribeException(AwsErrorKind.NameConflict, "The requested job name already exists.", "ConflictException", 409);
            }

            var job = new TranscriptionJob { JobName = plan.JobName, Kind = plan.Kind, Status = JobStatus.Queued, MediaUri = plan.MediaUri };
            jobs.Add(job);
            if (LoseAnswer)
            {
                LoseAnswer = false;
                throw new TranscribeException(AwsErrorKind.ServiceFault, "The connection was closed.");
            }

            return Task.FromResult(job);
        }
    }

    private sealed class FakeUploader(List<string> calls) : IMediaUploader
    {
        public UploadOutcome Outcome { get; set; } = UploadOutcome.Uploaded;

        public Task<UploadOutcome> UploadAsync(PlannedUpload upload, IProgress<UploadProgress>? progress, CancellationToken cancellationToken)
        {
            calls.Add("upload " + upload.Uri);
            progress?.Report(new UploadProgress(upload.LocalPath, upload.SizeBytes, upload.SizeBytes));
            return Task.FromResult(Outcome);
        }
    }
}
