using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Client;

public sealed class TranscribeClientEmulatorTests : EmulatorTest, IDisposable
{
    private readonly TranscribeClient _client;

    public TranscribeClientEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        _client = CreateClient(new BasicAWSCredentials(Fixture.Settings.AccessKeyId, Fixture.Settings.SecretAccessKey));
        Server.Store.Put("recordings", "visit.wav", SyntheticMedia.Wav(3));
        Server.Store.Put("recordings", "call.wav", SyntheticMedia.Wav(3, sampleRate: 8000, channels: 2));
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Standard_job_round_trips_start_get_list_delete()
    {
        var started = await _client.StartTranscriptionJobAsync(new() { TranscriptionJobName = "std-1", LanguageCode = "en-US", Media = new() { MediaFileUri = "s3://recordings/visit.wav" }, OutputBucketName = "transcripts" }, CancellationToken.None);
        var got = await _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "std-1" }, CancellationToken.None);
        var listed = await _client.ListAllTranscriptionJobsAsync(null, "std", CancellationToken.None).ToListAsync();
        await _client.DeleteTranscriptionJobAsync(new() { TranscriptionJobName = "std-1" }, CancellationToken.None);
        var afterDelete = await Assert.ThrowsAsync<TranscribeException>(() => _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "std-1" }, CancellationToken.None));

        Assert.Equal("std-1", started.TranscriptionJob!.TranscriptionJobName);
        Assert.Equal(JobStatus.Completed, got.TranscriptionJob!.TranscriptionJobStatus);
        Assert.Equal("transcripts", S3Location.Parse(got.TranscriptionJob.Transcript!.TranscriptFileUri!).Bucket);
        Assert.NotNull(got.TranscriptionJob.CreationTime);
        Assert.Equal(["std-1"], listed.Select(s => s.TranscriptionJobName));
        Assert.Equal(AwsErrorKind.NotFound, afterDelete.Kind);
        Assert.Equal(1, Server.Requests["DeleteTranscriptionJob"]);
    }

    [Fact]
    public async Task Output_kept_in_the_service_bucket_is_a_presigned_url_on_the_emulator_that_reads_without_credentials()
    {
        await _client.StartTranscriptionJobAsync(new() { TranscriptionJobName = "std-service", LanguageCode = "en-US", Media = new() { MediaFileUri = "s3://recordings/visit.wav" } }, CancellationToken.None);
        var got = await _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "std-service" }, CancellationToken.None);
        string url = got.TranscriptionJob!.Transcript!.TranscriptFileUri!;
        using var http = new HttpClient();

        using var read = await http.GetAsync(new Uri(url));
        using var tampered = await http.GetAsync(new Uri(url.Replace("std-service", "std-servicf", StringComparison.Ordinal)));

        Assert.StartsWith(Server.Endpoint + "aws-transcribe-us-east-1-prod/", url, StringComparison.Ordinal);
        Assert.True(S3Location.Parse(url).IsPresigned);
        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("\"jobName\":\"std-service\"", (await read.Content.ReadAsStringAsync()).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, tampered.StatusCode);
    }

    [Fact]
    public async Task Medical_job_round_trips_and_maps_through_transcribe_jobs()
    {
        await _client.StartMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "med-1", Media = new() { MediaFileUri = "s3://recordings/visit.wav" }, OutputBucketName = "transcripts", Settings = new() { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 } }, CancellationToken.None);
        var jobs = new TranscribeJobs(_client);

        var job = await jobs.GetAsync(JobKind.Medical, "med-1", CancellationToken.None);
        var listed = await jobs.ListAsync(JobKind.Medical, JobStatus.Completed, null, CancellationToken.None).ToListAsync();
        await jobs.DeleteAsync(JobKind.Medical, "med-1", CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(Fixture.Settings.Region, job.Region);
        Assert.Equal("s3://recordings/visit.wav", job.MediaUri);
        Assert.False(string.IsNullOrEmpty(job.TranscriptUri));
        Assert.Contains(listed, j => j.JobName == "med-1");
        Assert.Equal(1, Server.Requests["DeleteMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Call_analytics_job_round_trips_with_redaction()
    {
        await _client.StartCallAnalyticsJobAsync(
            new()
            {
                CallAnalyticsJobName = "ca-1",
                Media = new() { MediaFileUri = "s3://recordings/call.wav" },
                OutputLocation = "s3://transcripts/analytics/",
                ChannelDefinitions = [new() { ChannelId = 0, ParticipantRole = ParticipantRole.Agent }, new() { ChannelId = 1, ParticipantRole = ParticipantRole.Customer }],
                Settings = new() { ContentRedaction = new() { RedactionOutput = RedactionOutput.RedactedAndUnredacted } },
            },
            CancellationToken.None);

        var job = await new TranscribeJobs(_client).GetAsync(JobKind.CallAnalytics, "ca-1", CancellationToken.None);
        var listed = await _client.ListAllCallAnalyticsJobsAsync(null, null, CancellationToken.None).ToListAsync();
        await _client.DeleteCallAnalyticsJobAsync(new() { CallAnalyticsJobName = "ca-1" }, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.False(string.IsNullOrEmpty(job.TranscriptUri));
        Assert.False(string.IsNullOrEmpty(job.UnredactedTranscriptUri));
        Assert.NotEqual(job.TranscriptUri, job.UnredactedTranscriptUri);
        Assert.Contains("redacted", job.TranscriptUri, StringComparison.OrdinalIgnoreCase);
        Assert.Single(listed);
    }

    [Fact]
    public async Task Scribe_job_round_trips()
    {
        await _client.StartMedicalScribeJobAsync(
            new()
            {
                MedicalScribeJobName = "scribe-1",
                Media = new() { MediaFileUri = "s3://recordings/visit.wav" },
                OutputBucketName = "transcripts",
                DataAccessRoleArn = "arn:aws:iam::123456789012:role/TranscribeScribe",
                Settings = new() { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
            },
            CancellationToken.None);

        var job = await new TranscribeJobs(_client).GetAsync(JobKind.Scribe, "scribe-1", CancellationToken.None);
        var listed = await _client.ListAllMedicalScribeJobsAsync(JobStatus.Completed, "scribe", CancellationToken.None).ToListAsync();
        await _client.DeleteMedicalScribeJobAsync(new() { MedicalScribeJobName = "scribe-1" }, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.False(string.IsNullOrEmpty(job.TranscriptUri));
        Assert.False(string.IsNullOrEmpty(job.ClinicalDocumentUri));
        Assert.Single(listed);
        Assert.Equal(1, Server.Requests["DeleteMedicalScribeJob"]);
    }

    [Fact]
    public async Task Category_round_trips_create_get_list_update_delete()
    {
        var rules = new List<Rule>
        {
            new(new TranscriptFilter { Targets = ["cancel my account"], ParticipantRole = ParticipantRole.Customer }),
            new(new SentimentFilter { Sentiments = [SentimentValue.Negative], RelativeTimeRange = new() { Last = 25 } }),
        };

        var created = await _client.CreateCallAnalyticsCategoryAsync(new() { CategoryName = "churn-risk", Rules = rules, InputType = InputType.PostCall }, CancellationToken.None);
        var got = await _client.GetCallAnalyticsCategoryAsync(new() { CategoryName = "churn-risk" }, CancellationToken.None);
        await _client.UpdateCallAnalyticsCategoryAsync(new() { CategoryName = "churn-risk", Rules = [new(new NonTalkTimeFilter { Threshold = 30000 })] }, CancellationToken.None);
        var listed = await _client.ListAllCallAnalyticsCategoriesAsync(CancellationToken.None).ToListAsync();
        await _client.DeleteCallAnalyticsCategoryAsync(new() { CategoryName = "churn-risk" }, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<TranscribeException>(() => _client.GetCallAnalyticsCategoryAsync(new() { CategoryName = "churn-risk" }, CancellationToken.None));

        Assert.Equal("churn-risk", created.CategoryProperties!.CategoryName);
        Assert.Equal(2, got.CategoryProperties!.Rules!.Count);
        var transcriptRule = Assert.IsType<TranscriptFilter>(got.CategoryProperties.Rules[0].Filter);
        Assert.Equal(["cancel my account"], transcriptRule.Targets);
        Assert.Equal(25, Assert.IsType<SentimentFilter>(got.CategoryProperties.Rules[1].Filter).RelativeTimeRange!.Last);
        var updated = Assert.Single(listed);
        Assert.IsType<NonTalkTimeFilter>(Assert.Single(updated.Rules!).Filter);
        Assert.Equal(AwsErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task Starting_a_job_name_twice_is_a_name_conflict()
    {
        var request = new StartTranscriptionJobRequest { TranscriptionJobName = "dup", LanguageCode = "en-US", Media = new() { MediaFileUri = "s3://recordings/visit.wav" } };
        await _client.StartTranscriptionJobAsync(request, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => _client.StartTranscriptionJobAsync(request, CancellationToken.None));

        Assert.Equal(AwsErrorKind.NameConflict, ex.Kind);
        Assert.Equal("ConflictException", ex.ErrorCode);
        Assert.Equal(409, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.Equal(2, Server.Requests["StartTranscriptionJob"]);
    }

    [Fact]
    public async Task Invalid_request_is_a_bad_request_sent_once()
    {
        var ex = await Assert.ThrowsAsync<TranscribeException>(() =>
            _client.StartTranscriptionJobAsync(new() { TranscriptionJobName = "bad name!", LanguageCode = "en-US", Media = new() { MediaFileUri = "s3://recordings/visit.wav" } }, CancellationToken.None));

        Assert.Equal(AwsErrorKind.BadRequest, ex.Kind);
        Assert.Equal(1, Server.Requests["StartTranscriptionJob"]);
    }

    [Fact]
    public async Task Throttling_and_server_faults_are_retried_by_the_sdk_until_the_call_succeeds()
    {
        Server.Faults.Add(FaultRule.Throttle("ListTranscriptionJobs").OnCall(1));
        Server.Faults.Add(FaultRule.Error("ListTranscriptionJobs", 500, "InternalFailureException").OnCall(2));

        var page = await _client.ListTranscriptionJobsAsync(new() { MaxResults = 100 }, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(3, Server.Requests["ListTranscriptionJobs"]);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_reported_as_throttled()
    {
        Server.Faults.Add(FaultRule.Throttle("GetTranscriptionJob"));
        using var impatient = CreateClient(new BasicAWSCredentials(Fixture.Settings.AccessKeyId, Fixture.Settings.SecretAccessKey), maxErrorRetry: 1);

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => impatient.GetTranscriptionJobAsync(new() { TranscriptionJobName = "x" }, CancellationToken.None));

        Assert.Equal(AwsErrorKind.Throttled, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(2, Server.Requests["GetTranscriptionJob"]);
    }

    [Fact]
    public async Task Wrong_secret_is_access_denied_and_not_echoed()
    {
        using var wrong = CreateClient(new BasicAWSCredentials(Fixture.Settings.AccessKeyId, "not-the-secret-XYZZY"));

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => wrong.ListCallAnalyticsCategoriesAsync(new(), CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, ex.Kind);
        Assert.DoesNotContain("XYZZY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_reaches_the_http_call()
    {
        Server.Faults.Add(FaultRule.Latency("GetMedicalTranscriptionJob", TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource();

        var call = _client.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "slow" }, cts.Token);
        while (Server.Requests["GetMedicalTranscriptionJob"] == 0)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();

        // The promise is a stop within 1 s of Ctrl+C; 2 s leaves room for a loaded machine. A call that waits for the
        // emulator takes its 30 s latency, so WaitAsync throws TimeoutException (not a cancellation) and the test fails.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clients_sharing_the_List_pace_stay_under_the_quota_together(bool shared)
    {
        // Two clients of one process (a batch and a wait beside it), each listing back to back: 10 calls against the
        // service's 5 a second.
        var credentials = new BasicAWSCredentials(Fixture.Settings.AccessKeyId, Fixture.Settings.SecretAccessKey);
        using var batch = new TranscribeClient(Config(), credentials) { SharesListPace = shared };
        using var wait = new TranscribeClient(Config(), credentials) { SharesListPace = shared };
        await batch.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);
        await wait.ListMedicalTranscriptionJobsAsync(new(), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Fixture.Reset();

        await Task.WhenAll(ListAsync(batch), ListAsync(wait));

        if (shared)
        {
            Assert.Equal(0, Server.Quotas.Refused["ListMedicalTranscriptionJobs"]);
            Assert.Equal(10, Server.Requests["ListMedicalTranscriptionJobs"]);
        }
        else
        {
            Assert.True(Server.Quotas.Refused["ListMedicalTranscriptionJobs"] > 0, "unpaced clients were never throttled: the test proves nothing");
        }

        static async Task ListAsync(TranscribeClient client)
        {
            for (int i = 0; i < 5; i++)
            {
                try
                {
                    await client.ListMedicalTranscriptionJobsAsync(new() { MaxResults = TranscribeClient.MaxPageSize }, CancellationToken.None);
                }
                catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.Throttled)
                {
                    // Unpaced, a call may stay throttled through the SDK's retries: the refusals are what is counted.
                }
            }
        }
    }

    private TranscribeClientConfig Config() =>
        new() { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region };

    private TranscribeClient CreateClient(AWSCredentials credentials, int maxErrorRetry = 3) => new(
        new TranscribeClientConfig { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region, MaxErrorRetry = maxErrorRetry },
        credentials);
}
