using System.Net;
using System.Text.Json;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class TranscribeRoutingTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Unknown_operation_is_answered_as_UnknownOperationException_with_the_json_error_shape()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync("NoSuchOperation");

        var error = await ErrorOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", error.Type);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.False(string.IsNullOrWhiteSpace(response.Headers.GetValues("x-amzn-RequestId").Single()));
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, Server.Requests["NoSuchOperation"]);
    }

    [Fact]
    public async Task A_target_of_another_service_is_an_unknown_operation()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync("x", target: "AmazonS3.ListBuckets");

        Assert.Equal("UnknownOperationException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Unsigned_call_gets_MissingAuthenticationTokenException()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync("ListCallAnalyticsJobs", afterSigning: r => r.Headers.Authorization = null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Unknown_access_key_gets_UnrecognizedClientException()
    {
        using var client = new RawClient(Fixture, accessKeyId: "AKIDNOBODY");
        using var response = await client.TranscribeAsync("ListCallAnalyticsJobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Wrong_secret_gets_InvalidSignatureException()
    {
        using var client = new RawClient(Fixture, secretAccessKey: "wrong");
        using var response = await client.TranscribeAsync("ListCallAnalyticsJobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("InvalidSignatureException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Body_changed_after_signing_gets_InvalidSignatureException()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync(
            "GetCallAnalyticsJob",
            """{"CallAnalyticsJobName":"a"}""",
            afterSigning: r => r.Content = new StringContent("""{"CallAnalyticsJobName":"b"}""", null, "application/x-amz-json-1.1"));

        Assert.Equal("InvalidSignatureException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Request_signed_20_minutes_ago_is_refused_as_expired()
    {
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync("ListCallAnalyticsJobs", signedAt: DateTimeOffset.UtcNow.AddMinutes(-20));

        var error = await ErrorOf(response);
        Assert.Equal("InvalidSignatureException", error.Type);
        Assert.StartsWith("Signature expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burst_over_the_List_quota_of_5_per_second_gets_LimitExceededException()
    {
        using var client = new RawClient(Fixture);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.TranscribeAsync("ListCallAnalyticsJobs")));
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.InRange(throttled.Count, 1, 7);
        var error = await ErrorOf(throttled[0]);
        Assert.Equal("LimitExceededException", error.Type);
        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal(12, Server.Requests["ListCallAnalyticsJobs"]);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Unlimited_quota_lets_a_burst_through()
    {
        Server.Quotas.Set("ListCallAnalyticsJobs", null);
        using var client = new RawClient(Fixture);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.TranscribeAsync("ListCallAnalyticsJobs")));

        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_third_call_fails_with_the_scripted_InternalFailureException()
    {
        Server.Faults.Add(FaultRule.Error("StartCallAnalyticsJob", 500, "InternalFailureException", "scripted boom").OnCall(3));
        using var client = new RawClient(Fixture);
        var statuses = new List<HttpStatusCode>();
        ApiErrorBody? third = null;
        for (var i = 1; i <= 4; i++)
        {
            using var response = await client.TranscribeAsync("StartCallAnalyticsJob");
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                third = await ErrorOf(response);
            }
        }

        Assert.Equal([false, false, true, false], statuses.Select(s => s == HttpStatusCode.InternalServerError));
        Assert.Equal(new ApiErrorBody("InternalFailureException", "scripted boom"), third);
    }

    [Fact]
    public async Task Throttle_fault_answers_LimitExceededException_429()
    {
        Server.Faults.Add(FaultRule.Throttle("GetMedicalTranscriptionJob"));
        using var client = new RawClient(Fixture);
        using var response = await client.TranscribeAsync("GetMedicalTranscriptionJob");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("LimitExceededException", (await ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Drop_fault_closes_the_connection_without_an_answer()
    {
        Server.Faults.Add(FaultRule.Drop("ListMedicalTranscriptionJobs").OnCall(1));
        using var client = new RawClient(Fixture);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.TranscribeAsync("ListMedicalTranscriptionJobs"));
        using var second = await client.TranscribeAsync("ListMedicalTranscriptionJobs");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Latency_fault_holds_the_answer_back_long_enough_for_a_client_timeout()
    {
        Server.Faults.Add(FaultRule.Latency("GetTranscriptionJob", TimeSpan.FromSeconds(30)));
        using var client = new RawClient(Fixture);
        client.Http.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.TranscribeAsync("GetTranscriptionJob"));
    }

    private sealed record ApiErrorBody(string Type, string Message);

    private static async Task<ApiErrorBody> ErrorOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new ApiErrorBody(doc.RootElement.GetProperty("__type").GetString()!, doc.RootElement.GetProperty("Message").GetString()!);
    }
}
