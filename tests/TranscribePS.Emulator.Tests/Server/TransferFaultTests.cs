using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>The faults of a transfer: a body cut off in the middle (either way) and an answer that comes too late.</summary>
public sealed class TransferFaultTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    private static readonly byte[] Object = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public async Task CutResponse_sends_the_full_content_length_then_only_the_first_bytes_and_closes()
    {
        Server.Store.Put("media", "long.bin", Object);
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 1000).OnCall(1));
        using var client = new RawClient(Fixture);

        using var cut = await client.S3Async(HttpMethod.Get, "/media/long.bin", completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await ReadUntilClosedAsync(cut);
        using var whole = await client.S3Async(HttpMethod.Get, "/media/long.bin");

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Equal(Object.Length, cut.Content.Headers.ContentLength);
        Assert.Equal(Object.AsSpan(0, 1000).ToArray(), received);
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal(Object, await whole.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CutResponse_of_zero_bytes_sends_the_headers_alone()
    {
        Server.Store.Put("media", "long.bin", Object);
        Server.Faults.Add(FaultRule.CutResponse("GetObject", 0));
        using var client = new RawClient(Fixture);

        using var cut = await client.S3Async(HttpMethod.Get, "/media/long.bin", completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await ReadUntilClosedAsync(cut);

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Empty(received);
        Assert.IsAssignableFrom<IOException>(failure);
    }

    [Fact]
    public async Task CutResponse_of_a_start_leaves_the_job_started()
    {
        var request = StartRequest("cut-answer");
        Server.Faults.Add(FaultRule.CutResponse("StartMedicalTranscriptionJob", 20));
        using var client = new RawClient(Fixture);

        using var cut = await client.TranscribeAsync("StartMedicalTranscriptionJob", request, completion: HttpCompletionOption.ResponseHeadersRead);
        var (received, failure) = await ReadUntilClosedAsync(cut);
        Server.Faults.Clear();
        using var again = await client.TranscribeAsync("StartMedicalTranscriptionJob", request);

        Assert.Equal(20, received.Length);
        Assert.NotNull(failure);
        Assert.Contains(Server.Transcribe.Jobs, j => j.Name == "cut-answer");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task CutRequest_reads_part_of_an_upload_and_closes_without_storing_it()
    {
        var body = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(body);
        Server.Faults.Add(FaultRule.CutRequest("PutObject", 64 * 1024).OnCall(1));
        using var client = new RawClient(Fixture);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.S3Async(HttpMethod.Put, "/media/upload.bin", body));
        var afterCut = Server.Store.Get("media", "upload.bin");
        using var retried = await client.S3Async(HttpMethod.Put, "/media/upload.bin", body);

        Assert.Null(afterCut);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(body, Server.Store.Get("media", "upload.bin")!.Data);
        Assert.Equal(2, Server.Requests["PutObject"]);
    }

    [Fact]
    public async Task CutRequest_of_a_start_starts_no_job()
    {
        Server.Faults.Add(FaultRule.CutRequest("StartMedicalTranscriptionJob", 10));
        using var client = new RawClient(Fixture);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.TranscribeAsync("StartMedicalTranscriptionJob", StartRequest("cut-request")));

        Assert.Empty(Server.Transcribe.Jobs);
        Assert.Equal(1, Server.Requests["StartMedicalTranscriptionJob"]);
    }

    [Fact]
    public async Task Stall_does_the_work_at_once_and_answers_late()
    {
        Server.Faults.Add(FaultRule.Stall("StartMedicalTranscriptionJob", TimeSpan.FromSeconds(30)).OnCall(1));
        Server.Faults.Add(FaultRule.Stall("GetMedicalTranscriptionJob", TimeSpan.FromSeconds(1)).OnCall(1));
        using var impatient = new RawClient(Fixture);
        impatient.Http.Timeout = TimeSpan.FromMilliseconds(500);
        using var client = new RawClient(Fixture);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.TranscribeAsync("StartMedicalTranscriptionJob", StartRequest("stalled")));
        var started = Server.Transcribe.Jobs.Select(j => j.Name).ToList();
        using var retried = await client.TranscribeAsync("StartMedicalTranscriptionJob", StartRequest("stalled"));
        var clock = Stopwatch.StartNew();
        using var late = await client.TranscribeAsync("GetMedicalTranscriptionJob", """{"MedicalTranscriptionJobName":"stalled"}""");
        clock.Stop();

        Assert.Equal(["stalled"], started);
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("\"stalled\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public void CutRequest_rules_count_calls_on_arrival_only()
    {
        var faults = new FaultInjector();
        faults.Add(FaultRule.CutRequest("UploadPart", 100).OnCall(2));
        faults.Add(FaultRule.CutResponse("UploadPart", 5).OnCall(1));

        var handled = Enumerable.Range(0, 3).Select(_ => faults.Evaluate("UploadPart").Terminal?.Action).ToList();
        var arrived = Enumerable.Range(0, 3).Select(_ => faults.EvaluateOnArrival("UploadPart")?.Action).ToList();

        Assert.Equal([FaultAction.CutResponse, null, null], handled);
        Assert.Equal([null, FaultAction.CutRequest, null], arrived);
    }

    [Fact]
    public void Cut_and_stall_rules_are_checked()
    {
        var faults = new FaultInjector();

        var negative = Assert.Throws<ArgumentException>(() => faults.Add(FaultRule.CutResponse("GetObject", -1)));
        var noDelay = Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Operation = "GetObject", Action = FaultAction.Stall }));

        Assert.Contains("AfterBytes", negative.Message, StringComparison.Ordinal);
        Assert.Contains("LatencyMilliseconds", noDelay.Message, StringComparison.Ordinal);
        Assert.Empty(faults.Rules);
    }

    [Fact]
    public async Task Cut_rules_are_accepted_as_json_with_their_byte_count()
    {
        using var http = new HttpClient();
        using var added = await http.PostAsync(
            new Uri(Server.Endpoint, "/_emulator/faults"),
            new StringContent("""{"operation":"UploadPart","action":"CutRequest","afterBytes":1048576,"firstCall":2,"lastCall":2}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rule = Assert.Single(Server.Faults.Rules);
        Assert.Equal((FaultAction.CutRequest, 1048576L, 2), (rule.Action, rule.AfterBytes, rule.FirstCall));
    }

    [Fact]
    public async Task Admin_routes_read_and_remove_one_object()
    {
        Server.Store.Put("media", "deep/long.bin", Object);
        using var http = new HttpClient();
        var address = new Uri(Server.Endpoint, "/_emulator/objects/media/deep/long.bin");

        var read = await http.GetByteArrayAsync(address);
        using var removed = await http.DeleteAsync(address);
        using var gone = await http.GetAsync(address);
        using var removedAgain = await http.DeleteAsync(address);

        Assert.Equal(Object, read);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(Server.Store.Get("media", "deep/long.bin"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
    }

    private string StartRequest(string jobName)
    {
        Server.Store.Put("media", jobName + ".wav", SyntheticMedia.Wav(2, 16000, 1));
        return JsonSerializer.Serialize(TranscribeHarness.MedicalRequest(jobName, $"s3://media/{jobName}.wav"));
    }

    /// <summary>The body bytes that arrived before the connection closed, and how the read ended (null: the body was whole).</summary>
    private static async Task<(byte[] Received, Exception? Failure)> ReadUntilClosedAsync(HttpResponseMessage response)
    {
        using var received = new MemoryStream();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }

            return (received.ToArray(), null);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (received.ToArray(), ex);
        }
    }
}
