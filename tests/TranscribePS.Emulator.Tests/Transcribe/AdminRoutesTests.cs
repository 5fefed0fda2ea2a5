using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Tests.Transcribe;

/// <summary>The /_emulator/transcribe/ control routes, mapped on a loopback host of their own.</summary>
public sealed class AdminRoutesTests : IAsyncLifetime
{
    private readonly TranscribeHarness _emulator = new();
    private WebApplication? _app;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _emulator.Api.MapAdminRoutes(_app);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Timing_route_switches_to_realistic_and_clock_route_moves_jobs_along()
    {
        var timing = await Http.PostAsJsonAsync("/_emulator/transcribe/timing", new { Mode = "Realistic", QueueDelaySeconds = 0, BaseProcessingSeconds = 60, ProcessingFactor = 0 });
        Assert.Equal(HttpStatusCode.OK, timing.StatusCode);
        Assert.Equal(TranscribeTimingMode.Realistic, _emulator.Api.TimingMode);
        await _emulator.StartMedicalAsync("routed");

        var advanced = await Http.PostAsJsonAsync("/_emulator/transcribe/clock/advance", new { Seconds = 61 });
        var clock = await advanced.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(61, clock!["OffsetSeconds"]!.GetValue<double>());

        var jobs = await Http.GetFromJsonAsync<JsonArray>("/_emulator/transcribe/jobs");
        var job = Assert.Single(jobs!)!;
        Assert.Equal("routed", job["Name"]!.GetValue<string>());
        Assert.Equal("Medical", job["Family"]!.GetValue<string>());
        Assert.Equal("COMPLETED", job["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Script_route_dictates_a_jobs_conversation()
    {
        var put = await Http.PutAsJsonAsync("/_emulator/transcribe/scripts/jobs/routed-call", new { Turns = new[] { new { Speaker = "AGENT", Text = "Scripted over HTTP.", Sentiment = "POSITIVE" } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await _emulator.StartCallAnalyticsAsync("routed-call");
        var job = await _emulator.GetCallAnalyticsAsync("routed-call");
        var document = _emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        var turn = Assert.Single(document["Transcript"]!.AsArray())!;
        Assert.Equal("Scripted over HTTP.", turn["Content"]!.GetValue<string>());
        Assert.Equal("POSITIVE", turn["Sentiment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Media_script_route_accepts_any_media_uri_form()
    {
        var put = await Http.PutAsJsonAsync("/_emulator/transcribe/scripts/media", new { MediaUri = "https://s3.us-east-1.amazonaws.com/media-in/by-uri.wav", Turns = new[] { new { Speaker = "CLINICIAN", Text = "Scripted by recording." } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        string uri = _emulator.PutWav("by-uri.wav", 10);
        await _emulator.CallAsync("StartMedicalTranscriptionJob", TranscribeHarness.MedicalRequest("by-uri", uri));
        var transcript = _emulator.ReadOutput((await _emulator.GetMedicalAsync("by-uri"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("Scripted by recording.", transcript["results"]!["transcripts"]![0]!["transcript"]!.GetValue<string>());
    }

    [Fact]
    public async Task Quota_route_sets_concurrent_job_quotas_per_family()
    {
        var response = await Http.PostAsJsonAsync("/_emulator/transcribe/quotas", new { CallAnalytics = 3, Medical = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _emulator.Api.GetConcurrentJobQuota(TranscribeJobFamily.CallAnalytics));
        Assert.Equal(7, _emulator.Api.GetConcurrentJobQuota(TranscribeJobFamily.Medical));
        Assert.Equal(250, _emulator.Api.GetConcurrentJobQuota(TranscribeJobFamily.Standard));
    }

    [Fact]
    public async Task Reset_route_forgets_jobs()
    {
        await _emulator.StartMedicalAsync("to-forget");

        var response = await Http.PostAsync("/_emulator/transcribe/reset", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_emulator.Api.Jobs);
    }

    [Theory]
    [InlineData("/_emulator/transcribe/timing", "{ not json")]
    [InlineData("/_emulator/transcribe/timing", "{\"Mode\":\"Sometimes\"}")]
    [InlineData("/_emulator/transcribe/scripts/jobs/x", "{\"Turns\":[]}")]
    public async Task Malformed_bodies_are_answered_400_with_a_message(string route, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = route.Contains("scripts", StringComparison.Ordinal) ? await Http.PutAsync(route, content) : await Http.PostAsync(route, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace(error!["Message"]!.GetValue<string>()));
    }
}
