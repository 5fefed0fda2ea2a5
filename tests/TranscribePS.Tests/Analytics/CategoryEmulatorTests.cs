using System.Text.Json;
using Amazon.Runtime;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Analytics;

/// <summary>Built rules against the emulated service: accepted, stored, read back, applied to a call, seen in the insight.</summary>
public sealed class CategoryEmulatorTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly TranscribeClient _client = new(
        new TranscribeClientConfig { ServiceURL = fixture.Settings.EndpointUrl, AuthenticationRegion = fixture.Settings.Region },
        new BasicAWSCredentials(fixture.Settings.AccessKeyId, fixture.Settings.SecretAccessKey));

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_built_category_round_trips_through_the_service_and_shows_in_the_calls_insight()
    {
        var ct = CancellationToken.None;
        // "No interruptions of 4 hours or more": holds for every call, so the category must match.
        var always = CallAnalyticsRuleBuilder.Build(new() { InterruptionThreshold = TimeSpan.FromHours(4), Negate = true });
        var never = CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["zebra xylophone quasar"], Participant = "Agent", FirstPercent = 50 });
        await _client.CreateCallAnalyticsCategoryAsync(new() { CategoryName = "always", Rules = [always], InputType = InputType.PostCall }, ct);
        await _client.CreateCallAnalyticsCategoryAsync(new() { CategoryName = "never", Rules = [never], InputType = InputType.PostCall }, ct);

        // Get-CallAnalyticsCategory | ConvertTo-Json | ConvertFrom-Json | New-CallAnalyticsCategory, in Core terms.
        var stored = await _client.GetCallAnalyticsCategoryAsync(new() { CategoryName = "never" }, ct);
        var shown = CallAnalyticsCategory.FromProperties(stored.CategoryProperties!);
        var recreated = CategoryRuleConverter.ToCategory(Tree(JsonSerializer.Serialize(shown)));
        Assert.Equal("never", recreated.Name);
        Assert.Equal(JsonSerializer.Serialize(never, WireJson.Options), JsonSerializer.Serialize(Assert.Single(recreated.ToRules()), WireJson.Options));

        Server.Store.Put("calls", "call-1.wav", SyntheticMedia.Wav(90, 16000, channels: 2));
        await _client.StartCallAnalyticsJobAsync(
            new()
            {
                CallAnalyticsJobName = "call-1",
                Media = new Media { MediaFileUri = "s3://calls/call-1.wav" },
                OutputLocation = "s3://results/analytics/",
                ChannelDefinitions = [new() { ChannelId = 0, ParticipantRole = ParticipantRole.Agent }, new() { ChannelId = 1, ParticipantRole = ParticipantRole.Customer }],
            },
            ct);
        var job = await _client.GetCallAnalyticsJobAsync(new() { CallAnalyticsJobName = "call-1" }, ct);
        Assert.Equal(JobStatus.Completed, job.CallAnalyticsJob!.CallAnalyticsJobStatus);

        var output = Assert.Single(Server.Store.List("results"), o => o.Key.EndsWith(".json", StringComparison.Ordinal));
        var insight = await CallAnalyticsInsightReader.ReadAsync(new MemoryStream(output.Data), $"s3://results/{output.Key}", ct);

        Assert.Equal("call-1", insight.JobName);
        Assert.Contains("always", insight.MatchedCategories);
        Assert.DoesNotContain("never", insight.MatchedCategories);
        Assert.Empty(insight.CategoryDetails["always"]);
        Assert.True(insight.Duration > 0);

        var turns = await CallAnalyticsReader.ReadTurnsAsync(new MemoryStream(output.Data), "call-1", new TranscriptReadOptions(), ct).ToListAsync(ct);
        var items = await CallAnalyticsReader.ReadItemsAsync(new MemoryStream(output.Data), "call-1", new TranscriptReadOptions(), ct).ToListAsync(ct);
        Assert.Contains(turns, t => t.Participant == "Agent" && t.Text.Length > 0);
        Assert.Contains(turns, t => t.Participant == "Customer" && t.Text.Length > 0);
        var starts = items.Where(i => i.StartTime is not null).Select(i => i.StartTime!.Value).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(20, false)]
    public async Task The_cancellation_risk_category_matches_the_call_that_asks_to_cancel_and_not_the_other(int recordingSeconds, bool angryMatches)
    {
        // The category from the call analytics issue, built exactly as New-CallAnalyticsRule builds it. The script
        // takes about ten seconds: in a 20-second recording the last quarter is silence, so the "negative at the end"
        // rule cannot hold there — as with the real service, every rule of a category must match.
        var ct = CancellationToken.None;
        var contains = CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["cancel my account", "close my account"], Participant = "Customer" });
        var negativeAtEnd = CallAnalyticsRuleBuilder.Build(new() { Sentiment = ["NEGATIVE"], Participant = "Customer", LastPercent = 25 });
        await _client.CreateCallAnalyticsCategoryAsync(new() { CategoryName = "CancellationRisk", Rules = [contains, negativeAtEnd], InputType = InputType.PostCall }, ct);

        foreach (var name in new[] { "angry", "happy" })
        {
            Server.Store.Put("calls", name + ".wav", SyntheticMedia.Wav(recordingSeconds, 16000, channels: 2));
            await _client.StartCallAnalyticsJobAsync(
                new()
                {
                    CallAnalyticsJobName = name,
                    Media = new Media { MediaFileUri = $"s3://calls/{name}.wav" },
                    OutputLocation = "s3://results/",
                    ChannelDefinitions = [new() { ChannelId = 0, ParticipantRole = ParticipantRole.Agent }, new() { ChannelId = 1, ParticipantRole = ParticipantRole.Customer }],
                },
                ct);
        }

        Server.Transcribe.ScriptJob("angry", new([
            new("AGENT", "Thank you for calling, how can I help?", "POSITIVE"),
            new("CUSTOMER", "I want to cancel my account today.", "NEGATIVE"),
            new("AGENT", "I am sorry to hear that.", "NEUTRAL"),
            new("CUSTOMER", "This has been a terrible experience.", "NEGATIVE"),
        ]));
        Server.Transcribe.ScriptJob("happy", new([
            new("AGENT", "Thank you for calling, how can I help?", "POSITIVE"),
            new("CUSTOMER", "I would like to upgrade my plan.", "POSITIVE"),
            new("AGENT", "Happy to help with that.", "POSITIVE"),
            new("CUSTOMER", "Great, thanks a lot.", "POSITIVE"),
        ]));

        var matched = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var name in new[] { "angry", "happy" })
        {
            var job = await _client.GetCallAnalyticsJobAsync(new() { CallAnalyticsJobName = name }, ct);
            Assert.Equal(JobStatus.Completed, job.CallAnalyticsJob!.CallAnalyticsJobStatus);
            var output = Assert.Single(Server.Store.List("results"), o => o.Key.EndsWith($"/{name}.json", StringComparison.Ordinal));
            matched[name] = (await CallAnalyticsInsightReader.ReadAsync(new MemoryStream(output.Data), output.Key, ct)).MatchedCategories;
        }

        Assert.Equal(angryMatches ? ["CancellationRisk"] : [], matched["angry"]);
        Assert.Empty(matched["happy"]);
    }

    private static object? Tree(string json) => Tree(JsonDocument.Parse(json).RootElement);

    private static object? Tree(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Tree(p.Value), StringComparer.OrdinalIgnoreCase) as IDictionary<string, object?>,
        JsonValueKind.Array => element.EnumerateArray().Select(Tree).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
