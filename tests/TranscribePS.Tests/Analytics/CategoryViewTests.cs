using System.Text.Json;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws.Model;

namespace TranscribePS.Tests.Analytics;

/// <summary>How a category and its rules read in views and exports: sentences, the API's strings, JSON that reads back.</summary>
public sealed class CategoryViewTests
{
    private static CallAnalyticsRule Shown(CallAnalyticsRuleRequest request) => CallAnalyticsRule.FromRule(CallAnalyticsRuleBuilder.Build(request));

    [Theory]
    [InlineData("transcript", "Customer says 'cancel my account' or 'close my account'")]
    [InlineData("transcript-negated-anyone", "No one says 'goodbye' in the last 30 s")]
    [InlineData("sentiment", "Customer sentiment NEGATIVE in the last 25% of the call")]
    [InlineData("sentiment-negated", "Agent sentiment not POSITIVE between 10% and 40% of the call")]
    [InlineData("interruption", "Interruption by Agent of at least 5 s in the first 30 s")]
    [InlineData("silence-negated", "No silence of at least 1.5 s between 10 s and 70 s")]
    [InlineData("silence-short", "Silence of at least 250 ms")]
    public void A_rule_reads_as_a_sentence_with_its_time_window(string which, string expected)
    {
        var rule = Shown(which switch
        {
            "transcript" => new() { TranscriptContains = ["cancel my account", "close my account"], Participant = "Customer" },
            "transcript-negated-anyone" => new() { TranscriptContains = ["goodbye"], Negate = true, LastSeconds = 30 },
            "sentiment" => new() { Sentiment = ["NEGATIVE"], Participant = "Customer", LastPercent = 25 },
            "sentiment-negated" => new() { Sentiment = ["POSITIVE"], Participant = "Agent", Negate = true, StartPercent = 10, EndPercent = 40 },
            "interruption" => new() { InterruptionThreshold = TimeSpan.FromSeconds(5), Participant = "Agent", FirstSeconds = 30 },
            "silence-negated" => new() { NonTalkTimeThreshold = TimeSpan.FromSeconds(1.5), Negate = true, StartSeconds = 10, EndSeconds = 70 },
            _ => new() { NonTalkTimeThreshold = TimeSpan.FromMilliseconds(250) },
        });

        Assert.Equal(expected, rule.ToString());
    }

    [Fact]
    public void Filters_carry_the_api_strings_not_enum_values()
    {
        var rule = Shown(new() { Sentiment = ["mixed"], Participant = "Agent", LastPercent = 10 });

        var filter = Assert.IsType<CallAnalyticsSentimentFilter>(rule.SentimentFilter);
        Assert.Equal(["MIXED"], filter.Sentiments);
        Assert.Equal("AGENT", filter.ParticipantRole);
        Assert.Equal(10, filter.RelativeTimeRange!.Last);
        Assert.Equal("in the last 10% of the call", filter.RelativeTimeRange.ToString());
        Assert.Equal("EXACT", Shown(new() { TranscriptContains = ["x"] }).TranscriptFilter!.TranscriptFilterType);
    }

    [Fact]
    public void The_rules_text_is_the_api_json_and_reads_back_as_the_same_rules()
    {
        var category = CallAnalyticsCategory.FromProperties(new CategoryProperties
        {
            CategoryName = "risk",
            InputType = InputType.PostCall,
            Rules =
            [
                CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["cancel"], Participant = "Customer" }),
                CallAnalyticsRuleBuilder.Build(new() { NonTalkTimeThreshold = TimeSpan.FromSeconds(20), Negate = true, FirstSeconds = 60 }),
            ],
            Tags = [new Tag { Key = "team", Value = "billing" }, new Tag { Key = "tier", Value = "1" }],
        });

        var text = category.Rules.ToString()!;

        Assert.Equal("""[{"TranscriptFilter":{"TranscriptFilterType":"EXACT","ParticipantRole":"CUSTOMER","Targets":["cancel"]}},{"NonTalkTimeFilter":{"Threshold":20000,"AbsoluteTimeRange":{"First":60000},"Negate":true}}]""", text);
        Assert.Equal("POST_CALL", category.InputType);
        Assert.Equal("team=billing; tier=1", category.Tags.ToString());
        // Import-Csv gives the cell back as the one element of the -Rule array, and the Tags cell as text.
        var rules = CategoryRuleConverter.ToRules(new object[] { text });
        Assert.Equal(category.ToRules().Select(Wire), rules.Select(Wire));
        Assert.Equal(category.Tags, CategoryRuleConverter.ToTagMap(category.Tags.ToString()));
    }

    [Fact]
    public void Rules_given_as_broken_json_text_are_refused_naming_the_path()
    {
        var error = Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToRules("[{\"NonTalkTimeFilter\":"));

        Assert.Equal("Rules", error.Path);
        Assert.Contains("looks like JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_text_without_an_equals_sign_is_refused()
    {
        var error = Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToTagMap("team"));

        Assert.Equal("Tags", error.Path);
    }

    private static string Wire(Rule rule) => JsonSerializer.Serialize(rule, WireJson.Options);
}
