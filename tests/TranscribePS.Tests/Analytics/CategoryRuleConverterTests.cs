using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws.Model;
using E = TranscribePS.Core.Analytics.Categories.CategoryRuleErrorIds;

namespace TranscribePS.Tests.Analytics;

public sealed class CategoryRuleConverterTests
{
    private static readonly Rule[] EveryKind =
    [
        CallAnalyticsRuleBuilder.Build(new() { TranscriptContains = ["cancel", "refund"], Participant = "Customer", Negate = true, StartSeconds = 1.5, EndSeconds = 90 }),
        CallAnalyticsRuleBuilder.Build(new() { Sentiment = ["MIXED"], Participant = "Agent", LastPercent = 10 }),
        CallAnalyticsRuleBuilder.Build(new() { InterruptionThreshold = TimeSpan.FromSeconds(3), Participant = "Customer", FirstSeconds = 60 }),
        CallAnalyticsRuleBuilder.Build(new() { NonTalkTimeThreshold = TimeSpan.FromSeconds(20), StartPercent = 10, EndPercent = 90 }),
    ];

    /// <summary>ConvertTo-Json without switches: public properties by name, nulls written, enums as numbers.</summary>
    private static readonly JsonSerializerOptions ConvertToJsonDefault = new();

    /// <summary>ConvertTo-Json -EnumsAsStrings: enums by their .NET names.</summary>
    private static readonly JsonSerializerOptions ConvertToJsonEnumsAsStrings = new() { Converters = { new JsonStringEnumConverter() } };

    private static string Wire(Rule rule) => JsonSerializer.Serialize(rule, WireJson.Options);

    /// <summary>What the cmdlet hands Core for ConvertFrom-Json output: dictionaries, object[] lists, Int64/Double numbers.</summary>
    private static object? Tree(string json) => Tree(JsonNode.Parse(json));

    private static object? Tree(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Tree(p.Value), StringComparer.OrdinalIgnoreCase) as IDictionary<string, object?>,
        JsonArray array => array.Select(Tree).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static CategoryRuleException Refused(object? tree) => Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToRules(tree));

    [Fact]
    public void Rules_round_trip_through_the_api_json()
    {
        foreach (var rule in EveryKind)
        {
            var back = CategoryRuleConverter.ToRule(Tree(Wire(rule)));

            Assert.Equal(Wire(rule), Wire(back));
        }
    }

    [Fact]
    public void Rules_round_trip_through_convert_to_json_of_our_rule_objects_with_and_without_enums_as_strings()
    {
        foreach (var options in new[] { ConvertToJsonDefault, ConvertToJsonEnumsAsStrings })
        {
            var json = JsonSerializer.Serialize(EveryKind.Select(CallAnalyticsRule.FromRule).ToList(), options);

            var back = CategoryRuleConverter.ToRules(Tree(json));

            Assert.Equal(EveryKind.Select(Wire), back.Select(Wire));
        }
    }

    [Fact]
    public void A_category_round_trips_through_convert_to_json_of_our_category_object()
    {
        var category = CallAnalyticsCategory.FromProperties(new CategoryProperties
        {
            CategoryName = "escalations",
            Rules = EveryKind,
            InputType = InputType.PostCall,
            CreateTime = DateTimeOffset.FromUnixTimeSeconds(1767225600),
            LastUpdateTime = DateTimeOffset.FromUnixTimeSeconds(1767225700),
            Tags = [new Tag { Key = "team", Value = "billing" }],
        });

        var back = CategoryRuleConverter.ToCategory(Tree(JsonSerializer.Serialize(category, ConvertToJsonDefault)));

        Assert.Equal("escalations", back.Name);
        Assert.Equal("POST_CALL", back.InputType);
        Assert.Equal("billing", back.Tags["team"]);
        Assert.Equal(EveryKind.Select(Wire), back.ToRules().Select(Wire));
        Assert.Equal([new Tag { Key = "team", Value = "billing" }], back.ToTags()!);
    }

    [Fact]
    public void The_api_category_shape_is_accepted_too()
    {
        const string json = """
        { "CategoryProperties": { "CategoryName": "silence", "InputType": "POST_CALL", "Tags": [ { "Key": "k", "Value": "v" } ],
          "Rules": [ { "NonTalkTimeFilter": { "Threshold": 15000 } } ], "CreateTime": 1767225600.5 } }
        """;

        var category = CategoryRuleConverter.ToCategory(Tree(json));

        Assert.Equal("silence", category.Name);
        Assert.Equal("POST_CALL", category.InputType);
        Assert.Equal("v", category.Tags["k"]);
        Assert.Equal(15000, Assert.IsType<CallAnalyticsNonTalkTimeFilter>(Assert.Single(category.Rules).NonTalkTimeFilter).Threshold);
    }

    [Fact]
    public void A_powershell_hashtable_with_any_casing_scalar_targets_and_loose_numbers_is_read()
    {
        // @{ transcriptfilter = @{ targets = 'cancel'; participantrole = 'customer'; absolutetimerange = @{ first = '30000' } } }
        var range = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["first"] = "30000" };
        var filter = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["targets"] = "cancel", ["participantrole"] = "customer", ["absolutetimerange"] = range, ["negate"] = null };
        var hashtable = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["transcriptfilter"] = filter, ["SentimentFilter"] = null };

        var rule = CategoryRuleConverter.ToRule(hashtable);

        var transcript = Assert.IsType<TranscriptFilter>(rule.Filter);
        Assert.Equal(["cancel"], transcript.Targets);
        Assert.Equal(ParticipantRole.Customer, transcript.ParticipantRole);
        Assert.Equal(30000, transcript.AbsoluteTimeRange!.First);
        Assert.Null(transcript.Negate);
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(5000L)]
    [InlineData(5000.0)]
    [InlineData("5000")]
    [InlineData("5000.0")]
    public void Thresholds_accept_int_long_double_and_string(object threshold)
    {
        var tree = new Dictionary<string, object?> { ["InterruptionFilter"] = new Dictionary<string, object?> { ["Threshold"] = threshold } };

        Assert.Equal(5000, Assert.IsType<InterruptionFilter>(CategoryRuleConverter.ToRule(tree).Filter).Threshold);
    }

    [Fact]
    public void Errors_name_the_path_of_the_offending_value()
    {
        var json = """
        [ { "TranscriptFilter": { "Targets": [ "a" ] } },
          { "NonTalkTimeFilter": { "Threshold": 1000 } },
          { "SentimentFilter": { "Sentiments": [ "POSITIVE", "NEGATIVE" ] } } ]
        """;

        var error = Refused(Tree(json));

        Assert.Equal(E.SentimentCount, error.ErrorId);
        Assert.Equal("Rules[2].SentimentFilter.Sentiments", error.Path);
        Assert.StartsWith("Rules[2].SentimentFilter.Sentiments", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[ { "TranscriptFilter": { "Target": [ "a" ] } } ]""", E.UnknownMember, "Rules[0].TranscriptFilter.Target")]
    [InlineData("""[ { "TranscriptFilter": { "TranscriptFilterType": "EXACT" } } ]""", E.MissingValue, "Rules[0].TranscriptFilter.Targets")]
    [InlineData("""[ { "TranscriptFilter": { "Targets": [ "a", 7 ] } } ]""", E.WrongValueType, "Rules[0].TranscriptFilter.Targets[1]")]
    [InlineData("""[ { "TranscriptFilter": { "Targets": [ "a", " " ] } } ]""", E.TargetInvalid, "Rules[0].TranscriptFilter.Targets[1]")]
    [InlineData("""[ { "TranscriptFilter": { "Targets": [ "a" ], "TranscriptFilterType": "FUZZY" } } ]""", E.InvalidValue, "Rules[0].TranscriptFilter.TranscriptFilterType")]
    [InlineData("""[ { "Filter": { "Targets": [ "a" ] } } ]""", E.UnknownFilter, "Rules[0].Filter")]
    [InlineData("""[ { "TranscriptFilter": null } ]""", E.NoFilter, "Rules[0]")]
    [InlineData("""[ { "TranscriptFilter": { "Targets": [ "a" ] }, "NonTalkTimeFilter": { } } ]""", E.SeveralFilters, "Rules[0]")]
    [InlineData("""[ "cancel" ]""", E.WrongValueType, "Rules[0]")]
    [InlineData("""[ "@{TranscriptFilter=; SentimentFilter=}" ]""", E.WrongValueType, "Rules[0]")]
    [InlineData("""[ { "NonTalkTimeFilter": { "ParticipantRole": "AGENT" } } ]""", E.ParticipantNotAllowed, "Rules[0].NonTalkTimeFilter.ParticipantRole")]
    [InlineData("""[ { "InterruptionFilter": { "Threshold": "soon" } } ]""", E.WrongValueType, "Rules[0].InterruptionFilter.Threshold")]
    [InlineData("""[ { "InterruptionFilter": { "Threshold": 1.5 } } ]""", E.WrongValueType, "Rules[0].InterruptionFilter.Threshold")]
    [InlineData("""[ { "InterruptionFilter": { "Threshold": 14400001 } } ]""", E.ThresholdOutOfRange, "Rules[0].InterruptionFilter.Threshold")]
    [InlineData("""[ { "InterruptionFilter": { "ParticipantRole": "BOSS" } } ]""", E.InvalidValue, "Rules[0].InterruptionFilter.ParticipantRole")]
    [InlineData("""[ { "InterruptionFilter": { "Negate": "yes" } } ]""", E.WrongValueType, "Rules[0].InterruptionFilter.Negate")]
    [InlineData("""[ { "SentimentFilter": { "Sentiments": "HAPPY" } } ]""", E.InvalidValue, "Rules[0].SentimentFilter.Sentiments[0]")]
    [InlineData("""[ { "SentimentFilter": { "Sentiments": [] } } ]""", E.SentimentCount, "Rules[0].SentimentFilter.Sentiments")]
    [InlineData("""[ { "SentimentFilter": { "Sentiments": [ 1 ], "RelativeTimeRange": { "First": 150 } } } ]""", E.PercentOutOfRange, "Rules[0].SentimentFilter.RelativeTimeRange.First")]
    [InlineData("""[ { "SentimentFilter": { "Sentiments": [ 1 ], "RelativeTimeRange": { "StartPercentage": 10 } } } ]""", E.RangeIncomplete, "Rules[0].SentimentFilter.RelativeTimeRange")]
    [InlineData("""[ { "SentimentFilter": { "Sentiments": [ 1 ], "RelativeTimeRange": { } } } ]""", E.RangeEmpty, "Rules[0].SentimentFilter.RelativeTimeRange")]
    [InlineData("""[ { "NonTalkTimeFilter": { "AbsoluteTimeRange": { "First": 10, "StartTime": 1, "EndTime": 5 } } } ]""", E.RangeMixed, "Rules[0].NonTalkTimeFilter.AbsoluteTimeRange")]
    [InlineData("""[ { "NonTalkTimeFilter": { "AbsoluteTimeRange": { "StartTime": 9, "EndTime": 5 } } } ]""", E.RangeOrder, "Rules[0].NonTalkTimeFilter.AbsoluteTimeRange")]
    [InlineData("""[ { "NonTalkTimeFilter": { "AbsoluteTimeRange": { "Last": -5 } } } ]""", E.TimeOutOfRange, "Rules[0].NonTalkTimeFilter.AbsoluteTimeRange.Last")]
    [InlineData("""[ { "NonTalkTimeFilter": { "AbsoluteTimeRange": { "Last": 5 }, "RelativeTimeRange": { "Last": 5 } } } ]""", E.RangeConflict, "Rules[0].NonTalkTimeFilter")]
    [InlineData("""[ { "NonTalkTimeFilter": { "AbsoluteTimeRange": "first minute" } } ]""", E.WrongValueType, "Rules[0].NonTalkTimeFilter.AbsoluteTimeRange")]
    public void Trees_the_service_would_refuse_fail_with_error_id_and_path(string json, string errorId, string path)
    {
        var error = Refused(Tree(json));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Rules_flattened_by_convert_to_json_default_depth_get_a_hint_to_use_depth()
    {
        var error = Refused(Tree("""{ "Name": "x", "Rules": [ "@{TranscriptFilter=TranscribePS.Core.Aws.Model.TranscriptFilter}" ] }""") is IDictionary<string, object?> category ? category["Rules"] : null);

        Assert.Contains("-Depth 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_is_refused_for_a_bad_name_a_missing_rule_list_and_too_many_rules()
    {
        var rule = new Dictionary<string, object?> { ["NonTalkTimeFilter"] = new Dictionary<string, object?>() };

        var badName = Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToCategory(new Dictionary<string, object?> { ["Name"] = "bad name!", ["Rules"] = new[] { rule } }));
        var noRules = Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToCategory(new Dictionary<string, object?> { ["Name"] = "ok" }));
        var tooMany = Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToCategory(new Dictionary<string, object?> { ["Name"] = "ok", ["Rules"] = Enumerable.Repeat(rule, 21).ToArray() }));
        var twenty = CategoryRuleConverter.ToCategory(new Dictionary<string, object?> { ["Name"] = "ok", ["Rules"] = Enumerable.Repeat(rule, 20).ToArray() });

        Assert.Equal(E.CategoryNameInvalid, badName.ErrorId);
        Assert.Equal((E.MissingValue, "Rules"), (noRules.ErrorId, noRules.Path));
        Assert.Equal(E.RuleCount, tooMany.ErrorId);
        Assert.Equal(20, twenty.Rules.Count);
    }

    [Fact]
    public void Rule_objects_pass_through_and_are_still_validated()
    {
        var valid = CategoryRuleConverter.ToRules(new object[] { EveryKind[0], CallAnalyticsRule.FromRule(EveryKind[1]) });
        var invalid = new Rule(new SentimentFilter { Sentiments = [SentimentValue.Positive, SentimentValue.Negative] });

        Assert.Same(EveryKind[0], valid[0]);
        Assert.Same(EveryKind[1], valid[1]);
        Assert.Equal("Rules[0].SentimentFilter.Sentiments", Assert.Throws<CategoryRuleException>(() => CategoryRuleConverter.ToRules(new[] { invalid })).Path);
    }
}
