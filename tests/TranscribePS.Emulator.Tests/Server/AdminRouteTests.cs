using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class AdminRouteTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Requests_route_reports_counts_per_operation()
    {
        using var client = new RawClient(Fixture);
        (await client.S3Async(HttpMethod.Put, "/media/a.txt", "a"u8.ToArray())).Dispose();
        (await client.S3Async(HttpMethod.Get, "/media/a.txt")).Dispose();
        (await client.S3Async(HttpMethod.Get, "/media/a.txt")).Dispose();
        (await client.TranscribeAsync("ListCallAnalyticsJobs")).Dispose();

        var counts = await client.Http.GetFromJsonAsync<Dictionary<string, int>>(new Uri(Server.Endpoint, "/_emulator/requests"));

        Assert.Equal(new Dictionary<string, int> { ["GetObject"] = 2, ["ListCallAnalyticsJobs"] = 1, ["PutObject"] = 1 }, counts);
    }

    [Fact]
    public async Task Throttles_route_counts_the_requests_the_rate_quotas_refused_and_is_emptied_with_the_counts()
    {
        using var client = new RawClient(Fixture);
        Server.Quotas.Set("ListCallAnalyticsJobs", 1);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var answer = await client.TranscribeAsync("ListCallAnalyticsJobs");
            statuses.Add(answer.StatusCode);
        }

        var throttles = await client.Http.GetFromJsonAsync<Dictionary<string, int>>(new Uri(Server.Endpoint, "/_emulator/throttles"));
        using var http = new HttpClient();
        (await http.DeleteAsync(new Uri(Server.Endpoint, "/_emulator/requests"))).Dispose();
        var emptied = await client.Http.GetFromJsonAsync<Dictionary<string, int>>(new Uri(Server.Endpoint, "/_emulator/throttles"));

        Assert.Equal([HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
        Assert.Equal(new Dictionary<string, int> { ["ListCallAnalyticsJobs"] = 2 }, throttles);
        Assert.Empty(emptied!);
    }

    [Fact]
    public async Task Deleting_the_counts_keeps_objects_and_jobs()
    {
        using var client = new RawClient(Fixture);
        (await client.S3Async(HttpMethod.Put, "/media/kept.txt", "a"u8.ToArray())).Dispose();

        using var http = new HttpClient();
        using var deleted = await http.DeleteAsync(new Uri(Server.Endpoint, "/_emulator/requests"));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, Server.Requests.Total);
        Assert.NotNull(Server.Store.Get("media", "kept.txt"));
    }

    [Fact]
    public async Task Fault_actions_are_accepted_by_name()
    {
        using var http = new HttpClient();
        using var added = await http.PostAsync(
            new Uri(Server.Endpoint, "/_emulator/faults"),
            new StringContent("""{"operation":"GetObject","action":"Drop","firstCall":2,"lastCall":2}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        var rule = Assert.Single(Server.Faults.Rules);
        Assert.Equal(TranscribePS.Emulator.Control.FaultAction.Drop, rule.Action);
        Assert.Equal(2, rule.FirstCall);
    }

    [Fact]
    public async Task No_calls_means_an_empty_count_document()
    {
        using var http = new HttpClient();
        var counts = await http.GetFromJsonAsync<Dictionary<string, int>>(new Uri(Server.Endpoint, "/_emulator/requests"));

        Assert.Empty(counts!);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public async Task Fault_posted_as_json_applies_and_delete_removes_it()
    {
        using var client = new RawClient(Fixture);
        using var added = await client.Http.PostAsync(
            new Uri(Server.Endpoint, "/_emulator/faults"),
            new StringContent("""{"operation":"HeadObject","action":"Error","statusCode":503,"errorCode":"ServiceUnavailable","firstCall":1,"lastCall":1}""", null, "application/json"));
        using var faulted = await client.S3Async(HttpMethod.Head, "/media/x");
        using var listed = await client.Http.GetAsync(new Uri(Server.Endpoint, "/_emulator/faults"));
        var rules = await listed.Content.ReadFromJsonAsync<JsonElement>();
        using var deleted = await client.Http.DeleteAsync(new Uri(Server.Endpoint, "/_emulator/faults"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal("HeadObject", rules[0].GetProperty("operation").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Server.Faults.Rules);
    }

    [Fact]
    public async Task Bad_fault_rule_is_answered_400_with_the_reason()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(
            new Uri(Server.Endpoint, "/_emulator/faults"),
            new StringContent("""{"operation":"GetObject","action":"Error","statusCode":200}""", null, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("StatusCode", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Server.Faults.Rules);
    }

    [Fact]
    public async Task Quotas_route_sets_per_operation_and_global_limits()
    {
        using var http = new HttpClient();
        using var one = await http.PutAsync(new Uri(Server.Endpoint, "/_emulator/quotas"), new StringContent("""{"ListCallAnalyticsJobs":1,"GetCallAnalyticsJob":null}""", null, "application/json"));
        var list = Server.Quotas.LimitOf("ListCallAnalyticsJobs");
        var get = Server.Quotas.LimitOf("GetCallAnalyticsJob");
        using var all = await http.PutAsync(new Uri(Server.Endpoint, "/_emulator/quotas"), new StringContent("""{"*":null}""", null, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(1, list);
        Assert.Null(get);
        Assert.Null(Server.Quotas.LimitOf("StartCallAnalyticsJob"));
    }

    [Fact]
    public async Task Reset_route_clears_objects_counts_and_faults_and_keeps_only_the_start_up_buckets()
    {
        Server.Store.Put("media", "a", [1]);
        Server.Faults.Add(FaultRule.Drop("GetObject"));
        using var client = new RawClient(Fixture);
        (await client.S3Async(HttpMethod.Put, "/made-by-test", [])).Dispose();
        (await client.S3Async(HttpMethod.Put, "/media/b", [2])).Dispose();
        Assert.Contains("made-by-test", Server.Store.Buckets());

        using var reset = await client.Http.PostAsync(new Uri(Server.Endpoint, "/_emulator/reset"), null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(TestBuckets.Names, Server.Store.Buckets());
        Assert.Empty(Server.Store.List("media"));
        Assert.Equal(0, Server.Requests.Total);
        Assert.Empty(Server.Faults.Rules);
    }

    [Fact]
    public async Task Admin_calls_are_not_counted_as_service_requests()
    {
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(Server.Endpoint, "/_emulator/requests"))).Dispose();
        (await http.GetAsync(new Uri(Server.Endpoint, "/_emulator/health"))).Dispose();

        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public async Task Transcribe_admin_routes_are_served_on_the_same_port()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(Server.Endpoint, "/_emulator/transcribe/state"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        Assert.Equal(0, Server.Requests.Total);
    }
}
