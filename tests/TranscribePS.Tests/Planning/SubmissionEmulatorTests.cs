using Amazon.Runtime;
using Amazon.S3;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Submission;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Planning;

/// <summary>Plan → upload → start for real, over HTTP and SigV4, against the local emulator.</summary>
public sealed class SubmissionEmulatorTests : EmulatorTest, IDisposable
{
    private readonly PlanningMedia _media = new();
    private readonly TranscribeClient _client;
    private readonly AmazonS3Client _s3;
    private readonly JobSubmitter _submitter;

    public SubmissionEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        var settings = Fixture.Settings;
        _client = new TranscribeClient(
            new TranscribeClientConfig { ServiceURL = settings.EndpointUrl, AuthenticationRegion = settings.Region },
            new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey));
        _s3 = Fixture.CreateS3Client();
        var jobs = new TranscribeJobs(_client);
        _submitter = new JobSubmitter(jobs, new TranscribeJobStarter(_client, jobs), new S3MediaUploader(new S3Transfer(_s3)));
    }

    public void Dispose()
    {
        _client.Dispose();
        _s3.Dispose();
        _media.Dispose();
    }

    [Fact]
    public async Task Medical_job_is_uploaded_and_started_once_and_a_rerun_reuses_it()
    {
        var request = new MedicalConversationJobRequest
        {
            Media = MediaSource.FromPath(_media.Wav("Clinic visit.wav", seconds: 2)),
            OutputBucket = "tps-output",
            OutputKeyPrefix = "medical",
            IdentifyPhi = true,
        };
        var plan = (await JobPlanner.PlanAsync(request, CancellationToken.None)).Plan!;

        var first = await _submitter.SubmitAsync(plan, null, CancellationToken.None);
        var rerunPlan = (await JobPlanner.PlanAsync(request, CancellationToken.None)).Plan!;
        var second = await _submitter.SubmitAsync(rerunPlan, null, CancellationToken.None);

        Assert.Equal((SubmissionOutcome.Started, UploadOutcome.Uploaded), (first.Outcome, first.Upload));
        Assert.Equal((SubmissionOutcome.Reused, UploadOutcome.None), (second.Outcome, second.Upload));
        Assert.Equal(plan.JobName, second.Job.JobName);
        Assert.Equal(JobKind.Medical, first.Job.Kind);
        Assert.Equal(plan.MediaUri, first.Job.MediaUri);
        Assert.NotNull(Server.Store.Get("tps-output", plan.Upload!.Key));
        Assert.Equal(1, Server.Requests["StartMedicalTranscriptionJob"]);
        Assert.Equal(1, Server.Requests["PutObject"]);

        var finished = await new TranscribeJobs(_client).GetAsync(JobKind.Medical, plan.JobName, CancellationToken.None);
        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.StartsWith("s3://tps-output/medical/", S3Location.Parse(finished.TranscriptUri!).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_job_starts_with_redaction_and_a_second_plan_of_the_same_file_skips_the_upload()
    {
        string path = _media.Wav("call 42.wav", channels: 2, sampleRate: 8_000, seconds: 3);
        var request = new CallAnalyticsJobRequest
        {
            Media = MediaSource.FromPath(path),
            OutputBucket = "tps-output",
            OutputKeyPrefix = "calls/",
            RedactPii = true,
            RedactionOutput = RedactionOutput.RedactedAndUnredacted,
            LanguageOptions = ["en-US"],
        };
        var plan = (await JobPlanner.PlanAsync(request, CancellationToken.None)).Plan!;
        var summarised = (await JobPlanner.PlanAsync(request with { Summarize = true }, CancellationToken.None)).Plan!;

        var first = await _submitter.SubmitAsync(plan, null, CancellationToken.None);
        var second = await _submitter.SubmitAsync(summarised, null, CancellationToken.None);

        Assert.Equal((SubmissionOutcome.Started, UploadOutcome.Uploaded), (first.Outcome, first.Upload));
        Assert.Equal((SubmissionOutcome.Started, UploadOutcome.Skipped), (second.Outcome, second.Upload));
        Assert.NotEqual(plan.JobName, summarised.JobName);
        Assert.Equal(plan.MediaUri, summarised.MediaUri);
        Assert.Equal(JobKind.CallAnalytics, first.Job.Kind);
        Assert.Equal(2, Server.Requests["StartCallAnalyticsJob"]);
        Assert.Equal(1, Server.Requests["PutObject"]);

        var finished = await new TranscribeJobs(_client).GetAsync(JobKind.CallAnalytics, plan.JobName, CancellationToken.None);
        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.NotNull(finished.TranscriptUri);
        Assert.NotNull(finished.UnredactedTranscriptUri);
    }

    [Fact]
    public async Task Name_taken_by_another_recording_is_refused_before_any_upload()
    {
        var first = new MedicalConversationJobRequest { Media = MediaSource.FromPath(_media.Wav("a.wav", seconds: 1)), OutputBucket = "tps-output", JobName = "shared-name" };
        var other = first with { Media = MediaSource.FromPath(_media.Wav("b.wav", seconds: 2)) };
        await _submitter.SubmitAsync((await JobPlanner.PlanAsync(first, CancellationToken.None)).Plan!, null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<PlanProblemException>(async () =>
            await _submitter.SubmitAsync((await JobPlanner.PlanAsync(other, CancellationToken.None)).Plan!, null, CancellationToken.None));

        Assert.Equal("NameTaken", Assert.Single(ex.Problems).ErrorId);
        Assert.Equal(1, Server.Requests["PutObject"]);
        Assert.Equal(1, Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Upload_bucket_that_does_not_exist_fails_every_recording_from_one_listing_before_any_byte_is_sent()
    {
        var plans = new List<JobPlan>();
        foreach (var name in new[] { "a.wav", "b.wav" })
        {
            var request = new MedicalConversationJobRequest { Media = MediaSource.FromPath(_media.Wav(name, seconds: 1)), OutputBucket = "tps-ouptut" };
            plans.Add((await JobPlanner.PlanAsync(request, CancellationToken.None)).Plan!);
        }

        foreach (var plan in plans)
        {
            var ex = await Assert.ThrowsAsync<S3Exception>(() => _submitter.SubmitAsync(plan, null, CancellationToken.None));
            Assert.Equal("S3BucketNotFound", ex.ErrorId);
            Assert.Contains("'tps-ouptut'", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, Server.Requests["ListObjectsV2"]);
        Assert.Equal(0, Server.Requests["PutObject"] + Server.Requests["HeadObject"] + Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Recording_changed_after_planning_is_refused_before_the_job_starts()
    {
        string path = _media.Wav("growing.wav", seconds: 1);
        var plan = (await JobPlanner.PlanAsync(new MedicalConversationJobRequest { Media = MediaSource.FromPath(path), OutputBucket = "tps-output" }, CancellationToken.None)).Plan!;
        File.AppendAllText(path, "more audio arrived");

        var ex = await Assert.ThrowsAsync<PlanProblemException>(() => _submitter.SubmitAsync(plan, null, CancellationToken.None));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("MediaChanged", problem.ErrorId);
        Assert.Equal(path, problem.Target);
        Assert.Equal(0, Server.Requests["PutObject"] + Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Recording_rewritten_at_the_same_size_after_planning_is_refused_before_its_upload()
    {
        string path = _media.Wav("rewritten.wav", seconds: 1);
        var plan = (await JobPlanner.PlanAsync(new MedicalConversationJobRequest { Media = MediaSource.FromPath(path), OutputBucket = "tps-output" }, CancellationToken.None)).Plan!;
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));

        var ex = await Assert.ThrowsAsync<PlanProblemException>(() => _submitter.SubmitAsync(plan, null, CancellationToken.None));

        Assert.Equal("MediaChanged", Assert.Single(ex.Problems).ErrorId);
        Assert.Equal(0, Server.Requests["PutObject"] + Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Upload_stores_the_planned_content_hash_the_next_run_skips_on()
    {
        string path = _media.Wav("hashed.wav", seconds: 1);
        var plan = (await JobPlanner.PlanAsync(new MedicalConversationJobRequest { Media = MediaSource.FromPath(path), OutputBucket = "tps-output" }, CancellationToken.None)).Plan!;
        Assert.NotNull(plan.Upload!.LastWriteUtc);

        await _submitter.SubmitAsync(plan, null, CancellationToken.None);

        string expected = await S3Transfer.HashFileAsync(new FileInfo(path), CancellationToken.None);
        var stored = Server.Store.Get("tps-output", plan.Upload.Key);
        Assert.Equal(expected, stored!.Metadata[S3Transfer.Sha256MetadataName]);
    }

    [Fact]
    public async Task Upload_progress_names_the_recording_and_ends_at_its_size()
    {
        string path = _media.Wav("visit.wav", seconds: 2);
        var plan = (await JobPlanner.PlanAsync(new MedicalConversationJobRequest { Media = MediaSource.FromPath(path), OutputBucket = "tps-output" }, CancellationToken.None)).Plan!;
        var seen = new List<UploadProgress>();

        await _submitter.SubmitAsync(plan, new Recorder(seen), CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.All(seen, p => Assert.Equal(path, p.LocalPath));
        Assert.Equal(new FileInfo(path).Length, seen[^1].BytesTransferred);
        Assert.Equal(new FileInfo(path).Length, seen[^1].TotalBytes);
    }

    private sealed class Recorder(List<UploadProgress> seen) : IProgress<UploadProgress>
    {
        public void Report(UploadProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
