using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws.Model;
using E = TranscribePS.Core.Analytics.Categories.CategoryRuleErrorIds;

namespace TranscribePS.Tests.Analytics;

public sealed class CallAnalyticsRuleBuilderTests
{
    private static string Wire(Rule rule) => JsonSerializer.Serialize(rule, WireJson.Options);

    /// <summary>Member order is the model's business; the content is what the service reads.</summary>
    private static void AssertWire(string expected, Rule rule)
    {
        var actual = Wire(rule);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");
    }

    [Fact]
    public void Transcript_rule_carries_targets_participant_and_last_seconds_as_milliseconds()
    {
        var rule = CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest
        {
            TranscriptContains = ["cancel my account", "close my account"],
            Participant = "customer",
            LastSeconds = 30.5,
        });

        AssertWire(
            """{"TranscriptFilter":{"TranscriptFilterType":"EXACT","ParticipantRole":"CUSTOMER","Targets":["cancel my account","close my account"],"AbsoluteTimeRange":{"Last":30500}}}""",
            rule);
    }

    [Fact]
    public void Negated_sentiment_rule_over_the_first_percent_of_the_call()
    {
        var rule = CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest { Sentiment = ["negative"], Negate = true, Participant = "AGENT", FirstPercent = 25 });

        var filter = Assert.IsType<SentimentFilter>(rule.Filter);
        Assert.Equal([SentimentValue.Negative], filter.Sentiments);
        Assert.True(filter.Negate);
        Assert.Equal(ParticipantRole.Agent, filter.ParticipantRole);
        Assert.Equal(25, filter.RelativeTimeRange!.First);
        Assert.Null(filter.AbsoluteTimeRange);
    }

    [Fact]
    public void Interruption_and_silence_thresholds_are_sent_in_milliseconds()
    {
        var interruption = CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest { InterruptionThreshold = TimeSpan.FromSeconds(2.5), StartSeconds = 10, EndSeconds = 60 });
        var silence = CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest { NonTalkTimeThreshold = TimeSpan.FromHours(4) });

        AssertWire("""{"InterruptionFilter":{"Threshold":2500,"AbsoluteTimeRange":{"StartTime":10000,"EndTime":60000}}}""", interruption);
        AssertWire("""{"NonTalkTimeFilter":{"Threshold":14400000}}""", silence);
    }

    [Fact]
    public void First_and_last_may_be_combined_and_a_2000_character_phrase_is_accepted()
    {
        var rule = CallAnalyticsRuleBuilder.Build(new CallAnalyticsRuleRequest { TranscriptContains = [new string('a', 2000)], FirstSeconds = 0, LastSeconds = 14400 });

        var range = rule.Filter.AbsoluteTimeRange!;
        Assert.Equal(0, range.First);
        Assert.Equal(14_400_000, range.Last);
    }

    public static TheoryData<string, CallAnalyticsRuleRequest, string> Refusals() => new()
    {
        { "no filter", new() { Participant = "Agent" }, E.NoFilter },
        { "two filters", new() { TranscriptContains = ["x"], Sentiment = ["POSITIVE"] }, E.SeveralFilters },
        { "no targets", new() { TranscriptContains = [] }, E.TargetsEmpty },
        { "blank target", new() { TranscriptContains = ["ok", "   "] }, E.TargetInvalid },
        { "target too long", new() { TranscriptContains = [new string('a', 2001)] }, E.TargetInvalid },
        { "two sentiments", new() { Sentiment = ["POSITIVE", "MIXED"] }, E.SentimentCount },
        { "no sentiment", new() { Sentiment = [] }, E.SentimentCount },
        { "unknown sentiment", new() { Sentiment = ["ANGRY"] }, E.InvalidValue },
        { "unknown participant", new() { Sentiment = ["MIXED"], Participant = "Supervisor" }, E.InvalidValue },
        { "participant on silence", new() { NonTalkTimeThreshold = TimeSpan.FromSeconds(5), Participant = "Agent" }, E.ParticipantNotAllowed },
        { "threshold over 4 h", new() { InterruptionThreshold = TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1) }, E.ThresholdOutOfRange },
        { "negative threshold", new() { NonTalkTimeThreshold = TimeSpan.FromSeconds(-1) }, E.ThresholdOutOfRange },
        { "seconds over 4 h", new() { TranscriptContains = ["x"], FirstSeconds = 14400.001 }, E.TimeOutOfRange },
        { "negative seconds", new() { TranscriptContains = ["x"], LastSeconds = -1 }, E.TimeOutOfRange },
        { "NaN seconds", new() { TranscriptContains = ["x"], LastSeconds = double.NaN }, E.TimeOutOfRange },
        { "start without end", new() { TranscriptContains = ["x"], StartSeconds = 5 }, E.RangeIncomplete },
        { "end percent without start", new() { TranscriptContains = ["x"], EndPercent = 5 }, E.RangeIncomplete },
        { "first with start/end", new() { TranscriptContains = ["x"], FirstSeconds = 5, StartSeconds = 1, EndSeconds = 9 }, E.RangeMixed },
        { "seconds with percent", new() { TranscriptContains = ["x"], FirstSeconds = 5, LastPercent = 10 }, E.RangeConflict },
        { "start after end", new() { TranscriptContains = ["x"], StartPercent = 50, EndPercent = 20 }, E.RangeOrder },
        { "start equals end", new() { TranscriptContains = ["x"], StartSeconds = 20, EndSeconds = 20 }, E.RangeOrder },
        { "percent over 100", new() { TranscriptContains = ["x"], FirstPercent = 101 }, E.PercentOutOfRange },
        { "negative percent", new() { TranscriptContains = ["x"], LastPercent = -1 }, E.PercentOutOfRange },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Rules_the_service_would_refuse_fail_with_a_specific_error_id(string because, CallAnalyticsRuleRequest request, string errorId)
    {
        var error = Assert.Throws<CategoryRuleException>(() => CallAnalyticsRuleBuilder.Build(request));

        Assert.True(errorId == error.ErrorId, $"{because}: expected {errorId}, got {error.ErrorId} ({error.Message})");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Error_messages_name_the_parameters_at_fault_and_what_to_do()
    {
        var several = Assert.Throws<CategoryRuleException>(() => CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["x"], InterruptionThreshold = TimeSpan.Zero }));
        var sentiments = Assert.Throws<CategoryRuleException>(() => CallAnalyticsRuleBuilder.Build(new() { Sentiment = ["POSITIVE", "MIXED"] }));
        var incomplete = Assert.Throws<CategoryRuleException>(() => CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["x"], StartSeconds = 5 }));

        Assert.Contains("-TranscriptContains and -InterruptionThreshold", several.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one per rule", sentiments.Message, StringComparison.Ordinal);
        Assert.Contains("-EndSeconds", incomplete.Message, StringComparison.Ordinal);
    }
}
