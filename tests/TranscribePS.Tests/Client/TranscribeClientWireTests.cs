using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Client;

public sealed class TranscribeClientWireTests : IDisposable
{
    private readonly StubHttpServer _server = new();
    private readonly TranscribeClient _client;

    public TranscribeClientWireTests()
    {
        var config = new TranscribeClientConfig
        {
            ServiceURL = _server.Url,
            AuthenticationRegion = "eu-west-1",
            MaxErrorRetry = 2,
        };
        _client = new TranscribeClient(config, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Call_posts_json_to_root_with_target_header_and_sigv4_for_transcribe()
    {
        _server.Enqueue(new StubResponse(200, """{"MedicalTranscriptionJob":{"MedicalTranscriptionJobName":"visit-1","TranscriptionJobStatus":"IN_PROGRESS","CreationTime":1767225600.5}}"""));

        var response = await _client.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = "visit-1" }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("Transcribe.GetMedicalTranscriptionJob", request.Headers["X-Amz-Target"]);
        Assert.StartsWith("application/x-amz-json-1.1", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/transcribe/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$", request.Headers["Authorization"]);
        Assert.Equal("""{"MedicalTranscriptionJobName":"visit-1"}""", request.Body);
        Assert.Equal(JobStatus.InProgress, response.MedicalTranscriptionJob!.TranscriptionJobStatus);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600500), response.MedicalTranscriptionJob.CreationTime);
        Assert.Equal("eu-west-1", _client.Region);
    }

    [Fact]
    public async Task Delete_with_an_empty_response_body_completes()
    {
        _server.Enqueue(new StubResponse(200, string.Empty));

        await _client.DeleteTranscriptionJobAsync(new() { TranscriptionJobName = "old" }, CancellationToken.None);

        Assert.Equal("""{"TranscriptionJobName":"old"}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task List_all_follows_next_tokens_with_page_size_100_and_the_status_filter()
    {
        _server.Enqueue(
            new StubResponse(200, """{"NextToken":"page2","CallAnalyticsJobSummaries":[{"CallAnalyticsJobName":"a","CallAnalyticsJobStatus":"COMPLETED"},{"CallAnalyticsJobName":"b","CallAnalyticsJobStatus":"COMPLETED"}]}"""),
            new StubResponse(200, """{"CallAnalyticsJobSummaries":[{"CallAnalyticsJobName":"c","CallAnalyticsJobStatus":"COMPLETED"}]}"""));

        var names = new List<string>();
        await foreach (var summary in _client.ListAllCallAnalyticsJobsAsync(JobStatus.Completed, "nightly", CancellationToken.None))
        {
            names.Add(summary.CallAnalyticsJobName!);
        }

        Assert.Equal(["a", "b", "c"], names);
        var bodies = _server.Requests.Select(r => r.Body).ToArray();
        Assert.Equal("""{"Status":"COMPLETED","JobNameContains":"nightly","MaxResults":100}""", bodies[0]);
        Assert.Equal("""{"Status":"COMPLETED","JobNameContains":"nightly","NextToken":"page2","MaxResults":100}""", bodies[1]);
    }

    [Theory]
    [InlineData(404, "NotFoundException", "The requested job couldn't be found.", "GetTranscriptionJob", AwsErrorKind.NotFound)]
    [InlineData(409, "ConflictException", "The requested job name already exists.", "StartTranscriptionJob", AwsErrorKind.NameConflict)]
    [InlineData(400, "BadRequestException", "1 validation error detected", "StartTranscriptionJob", AwsErrorKind.BadRequest)]
    [InlineData(403, "UnrecognizedClientException", "The security token included in the request is invalid.", "GetTranscriptionJob", AwsErrorKind.AccessDenied)]
    [InlineData(400, "com.amazonaws.transcribe#BadRequestException:http://internal", "Bad input", "GetTranscriptionJob", AwsErrorKind.BadRequest)]
    public async Task Service_errors_become_transcribe_exceptions_keeping_code_message_status_and_request_id(
        int status, string type, string message, string operation, AwsErrorKind expected)
    {
        _server.Enqueue(StubResponse.Error(status, type, message));

        var ex = await Assert.ThrowsAsync<TranscribeException>(() => operation == "StartTranscriptionJob"
            ? _client.StartTranscriptionJobAsync(new() { TranscriptionJobName = "j", Media = new() { MediaFileUri = "s3://b/k.wav" } }, CancellationToken.None)
            : _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "j" }, CancellationToken.None));

        Assert.Equal(expected, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.ErrorCode));
        Assert.EndsWith("Exception", ex.ErrorCode, StringComparison.Ordinal);
        Assert.DoesNotContain("#", ex.ErrorCode, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains(operation, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("req-", ex.RequestId, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Concurrent_job_quota_on_start_is_told_apart_from_throttling()
    {
        _server.Fallback = StubResponse.Error(429, "LimitExceededException", "You have too many jobs running at the same time. Try your request again later.");

        var ex = await Assert.ThrowsAsync<TranscribeException>(() =>
            _client.StartCallAnalyticsJobAsync(new() { CallAnalyticsJobName = "c1", Media = new() { MediaFileUri = "s3://b/c.wav" } }, CancellationToken.None));

        Assert.Equal(AwsErrorKind.TooManyConcurrentJobs, ex.Kind);
        Assert.Equal("LimitExceededException", ex.ErrorCode);
        Assert.Contains("too many jobs running", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_sdk_and_then_succeeds()
    {
        _server.Enqueue(
            StubResponse.Error(400, "ThrottlingException", "Rate exceeded"),
            StubResponse.Error(429, "LimitExceededException", "Rate exceeded"),
            new StubResponse(200, """{"TranscriptionJob":{"TranscriptionJobName":"j","TranscriptionJobStatus":"COMPLETED"}}"""));

        var response = await _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "j" }, CancellationToken.None);

        Assert.Equal(JobStatus.Completed, response.TranscriptionJob!.TranscriptionJobStatus);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_faults_exhausting_retries_become_service_faults()
    {
        _server.Fallback = StubResponse.Error(500, "InternalFailureException", "We encountered an internal error.");

        var ex = await Assert.ThrowsAsync<TranscribeException>(() =>
            _client.GetCallAnalyticsCategoryAsync(new() { CategoryName = "x" }, CancellationToken.None));

        Assert.Equal(AwsErrorKind.ServiceFault, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_a_call_in_flight()
    {
        _server.Enqueue(new StubResponse(200, "{}") { Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource();

        var call = _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = "slow" }, cts.Token);
        while (_server.Requests.IsEmpty)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();

        // The promise is a stop within 1 s of Ctrl+C; 2 s leaves room for a loaded machine. A call that waits for the
        // server takes the scripted 30 s, so WaitAsync throws TimeoutException (not a cancellation) and the test fails.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(2)));
    }
}
