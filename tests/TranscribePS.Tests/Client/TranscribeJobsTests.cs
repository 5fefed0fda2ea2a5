using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Client;

public sealed class TranscribeJobsTests : IDisposable
{
    private readonly StubHttpServer _server = new();
    private readonly TranscribeClient _client;
    private readonly TranscribeJobs _jobs;

    public TranscribeJobsTests()
    {
        _client = new TranscribeClient(
            new TranscribeClientConfig { ServiceURL = _server.Url, AuthenticationRegion = "us-west-2", MaxErrorRetry = 0 },
            new BasicAWSCredentials("AKIDEXAMPLE", "secret-example"));
        _jobs = new TranscribeJobs(_client);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Call_analytics_job_with_both_outputs_reports_the_redacted_transcript_first()
    {
        _server.Enqueue(new StubResponse(200, """
            {"CallAnalyticsJob":{"CallAnalyticsJobName":"call-1","CallAnalyticsJobStatus":"COMPLETED",
             "Media":{"MediaFileUri":"s3://in/call-1.wav","RedactedMediaFileUri":"s3://out/redacted/call-1.wav"},
             "Transcript":{"TranscriptFileUri":"s3://out/analytics/call-1.json","RedactedTranscriptFileUri":"s3://out/redacted/analytics/call-1.json"},
             "Tags":[{"Key":"batch","Value":"nightly"}]}}
            """));

        var job = await _jobs.GetAsync(JobKind.CallAnalytics, "call-1", CancellationToken.None);

        Assert.Equal("Transcribe.GetCallAnalyticsJob", Assert.Single(_server.Requests).Headers["X-Amz-Target"]);
        Assert.Equal(JobKind.CallAnalytics, job.Kind);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("us-west-2", job.Region);
        Assert.Equal("s3://out/redacted/analytics/call-1.json", job.TranscriptUri);
        Assert.Equal("s3://out/analytics/call-1.json", job.UnredactedTranscriptUri);
        Assert.Equal("s3://out/redacted/call-1.wav", job.RedactedMediaUri);
        Assert.Equal("nightly", job.Tags["batch"]);
        Assert.Equal(3, job.Outputs().Count);
    }

    [Fact]
    public async Task Call_analytics_job_and_its_List_summary_carry_the_features_the_service_skipped()
    {
        const string details = """
            "CallAnalyticsJobDetails":{"Skipped":[{"Feature":"GENERATIVE_SUMMARIZATION","ReasonCode":"INSUFFICIENT_CONVERSATION_CONTENT","Message":"Too short."},{"Feature":""}]}
            """;
        _server.Enqueue(
            new StubResponse(200, """{"CallAnalyticsJob":{"CallAnalyticsJobName":"call-3","CallAnalyticsJobStatus":"COMPLETED",""" + details + "}}"),
            new StubResponse(200, """{"CallAnalyticsJobSummaries":[{"CallAnalyticsJobName":"call-3","CallAnalyticsJobStatus":"COMPLETED",""" + details + """},{"CallAnalyticsJobName":"call-4","CallAnalyticsJobStatus":"COMPLETED"}]}"""));

        var job = await _jobs.GetAsync(JobKind.CallAnalytics, "call-3", CancellationToken.None);
        var listed = await _jobs.ListAsync(JobKind.CallAnalytics, null, null, CancellationToken.None).ToListAsync();

        var expected = new SkippedFeature("GENERATIVE_SUMMARIZATION", "INSUFFICIENT_CONVERSATION_CONTENT", "Too short.");
        Assert.Equal([expected], job.SkippedFeatures);
        Assert.Equal([expected], listed[0].SkippedFeatures);
        Assert.Empty(listed[1].SkippedFeatures);
        Assert.Equal("GENERATIVE_SUMMARIZATION: INSUFFICIENT_CONVERSATION_CONTENT (Too short.)", expected.ToString());
    }

    [Fact]
    public async Task Call_analytics_job_without_redaction_reports_the_plain_transcript()
    {
        _server.Enqueue(new StubResponse(200, """{"CallAnalyticsJob":{"CallAnalyticsJobName":"call-2","CallAnalyticsJobStatus":"COMPLETED","Transcript":{"TranscriptFileUri":"https://s3.us-west-2.amazonaws.com/svc/call-2.json?X-Amz-Signature=ab"}}}"""));

        var job = await _jobs.GetAsync(JobKind.CallAnalytics, "call-2", CancellationToken.None);

        Assert.Equal("https://s3.us-west-2.amazonaws.com/svc/call-2.json?X-Amz-Signature=ab", job.TranscriptUri);
        Assert.Null(job.UnredactedTranscriptUri);
    }

    [Fact]
    public async Task Medical_job_maps_status_media_and_transcript()
    {
        _server.Enqueue(new StubResponse(200, """
            {"MedicalTranscriptionJob":{"MedicalTranscriptionJobName":"visit-9","TranscriptionJobStatus":"FAILED","LanguageCode":"en-US",
             "MediaFormat":"wav","MediaSampleRateHertz":16000,"Media":{"MediaFileUri":"s3://in/visit-9.wav"},
             "FailureReason":"Invalid sample rate for audio file","CreationTime":1767225600,"CompletionTime":1767225660.25}}
            """));

        var job = await _jobs.GetAsync(JobKind.Medical, "visit-9", CancellationToken.None);

        Assert.Equal("Transcribe.GetMedicalTranscriptionJob", Assert.Single(_server.Requests).Headers["X-Amz-Target"]);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("s3://in/visit-9.wav", job.MediaUri);
        Assert.Equal(16000, job.MediaSampleRateHertz);
        Assert.Equal("Invalid sample rate for audio file", job.FailureReason);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225660250), job.CompletionTime);
        Assert.Null(job.TranscriptUri);
    }

    [Fact]
    public async Task Scribe_job_reports_transcript_and_clinical_document()
    {
        _server.Enqueue(new StubResponse(200, """{"MedicalScribeJob":{"MedicalScribeJobName":"s1","MedicalScribeJobStatus":"COMPLETED","MedicalScribeOutput":{"TranscriptFileUri":"s3://o/s1/transcript.json","ClinicalDocumentUri":"s3://o/s1/summary.json"}}}"""));

        var job = await _jobs.GetAsync(JobKind.Scribe, "s1", CancellationToken.None);

        Assert.Equal("Transcribe.GetMedicalScribeJob", Assert.Single(_server.Requests).Headers["X-Amz-Target"]);
        Assert.Equal("s3://o/s1/transcript.json", job.TranscriptUri);
        Assert.Equal("s3://o/s1/summary.json", job.ClinicalDocumentUri);
    }

    [Fact]
    public async Task List_maps_summaries_of_every_page_for_the_kind()
    {
        _server.Enqueue(
            new StubResponse(200, """{"NextToken":"t2","TranscriptionJobSummaries":[{"TranscriptionJobName":"a","TranscriptionJobStatus":"IN_PROGRESS","LanguageCode":"en-GB"}]}"""),
            new StubResponse(200, """{"TranscriptionJobSummaries":[{"TranscriptionJobName":"b","TranscriptionJobStatus":"QUEUED"}]}"""));

        var listed = await _jobs.ListAsync(JobKind.Standard, null, "", CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b"], listed.Select(j => j.JobName));
        Assert.Equal([JobStatus.InProgress, JobStatus.Queued], listed.Select(j => j.Status));
        Assert.Equal("en-GB", listed[0].LanguageCode);
        Assert.All(listed, j => Assert.Equal("us-west-2", j.Region));
        Assert.All(_server.Requests, r => Assert.Equal("Transcribe.ListTranscriptionJobs", r.Headers["X-Amz-Target"]));
        Assert.Equal("""{"MaxResults":100}""", _server.Requests.First().Body);
    }

    [Theory]
    [InlineData(JobKind.Medical, "Transcribe.DeleteMedicalTranscriptionJob", """{"MedicalTranscriptionJobName":"x"}""")]
    [InlineData(JobKind.CallAnalytics, "Transcribe.DeleteCallAnalyticsJob", """{"CallAnalyticsJobName":"x"}""")]
    [InlineData(JobKind.Standard, "Transcribe.DeleteTranscriptionJob", """{"TranscriptionJobName":"x"}""")]
    [InlineData(JobKind.Scribe, "Transcribe.DeleteMedicalScribeJob", """{"MedicalScribeJobName":"x"}""")]
    public async Task Delete_calls_the_operation_of_the_kind(JobKind kind, string target, string body)
    {
        await _jobs.DeleteAsync(kind, "x", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(target, request.Headers["X-Amz-Target"]);
        Assert.Equal(body, request.Body);
    }

    [Fact]
    public async Task Get_of_a_missing_job_is_not_found_in_both_ways_the_service_says_it()
    {
        // The live service answers a missing job with BadRequestException; the model declares NotFoundException.
        _server.Enqueue(StubResponse.Error(400, "BadRequestException", "The requested job couldn't be found. Check the job name and try your request again."));
        _server.Enqueue(StubResponse.Error(404, "NotFoundException", "The requested job couldn't be found."));

        var asBadRequest = await Assert.ThrowsAsync<TranscribeException>(() => _jobs.GetAsync(JobKind.Standard, "gone", CancellationToken.None));
        var asNotFound = await Assert.ThrowsAsync<TranscribeException>(() => _jobs.GetAsync(JobKind.Medical, "gone", CancellationToken.None));

        Assert.Equal(AwsErrorKind.NotFound, asBadRequest.Kind);
        Assert.Equal("BadRequestException", asBadRequest.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, asNotFound.Kind);
    }
}
