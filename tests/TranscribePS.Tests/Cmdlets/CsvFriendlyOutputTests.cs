using System.Collections;
using System.Globalization;
using TranscribePS.Core;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>
/// Export-Csv writes each property's ToString(): list and map properties of the output objects must read as their
/// items, not <c>System.String[]</c>, and still be collections for <c>-contains</c>.
/// </summary>
public sealed class CsvFriendlyOutputTests
{
    [Fact]
    public void Job_tags_read_as_key_value_pairs_and_stay_a_dictionary()
    {
        var job = new TranscriptionJob { JobName = "j", Kind = JobKind.Medical, Status = JobStatus.Completed, Tags = new Dictionary<string, string> { ["clinic"] = "north", ["batch"] = "7" } };

        Assert.Equal("clinic=north; batch=7", job.Tags.ToString());
        Assert.Equal("north", job.Tags["clinic"]);
        Assert.Equal(string.Empty, new TranscriptionJob { JobName = "j", Kind = JobKind.Medical, Status = JobStatus.Completed }.Tags.ToString());
    }

    [Fact]
    public void Turn_issues_outcomes_and_action_items_read_as_their_texts()
    {
        var turn = new TranscriptTurn
        {
            JobName = "j",
            Index = 0,
            Text = "hello",
            Issues = ["billing error", "late fee"],
            Outcomes = new List<string> { "refund promised" },
            ActionItems = ["call back"],
        };

        Assert.Equal("billing error; late fee", turn.Issues.ToString());
        Assert.Equal("refund promised", turn.Outcomes.ToString());
        Assert.Equal("call back", turn.ActionItems.ToString());
    }

    [Fact]
    public void Insight_lists_and_maps_read_as_their_items_in_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var insight = Insight();

            Assert.Equal("CancellationRisk; Billing", insight.MatchedCategories.ToString());
            Assert.Equal("CancellationRisk=1.5-4, 10-12; Billing=", insight.CategoryDetails.ToString());
            Assert.Equal("12.5-14", insight.NonTalkTimeInstances.ToString());
            Assert.Equal("0.5; -1.25", insight.AgentSentimentByQuarter.ToString());
            Assert.Equal(string.Empty, insight.CustomerSentimentByQuarter.ToString());
            Assert.Equal("my bill is wrong", insight.Issues.ToString());
            Assert.Equal("I will refund it; it is fixed", insight.Outcomes.ToString());
            Assert.Equal(string.Empty, insight.ActionItems.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Matched_categories_stay_a_collection_for_contains_and_category_details_stay_case_insensitive()
    {
        var insight = Insight();

        // PowerShell's -contains enumerates any IEnumerable that is not a string.
        Assert.IsNotType<string>(insight.MatchedCategories);
        Assert.Contains("Billing", ((IEnumerable)insight.MatchedCategories).Cast<object>());
        Assert.Equal("Billing", insight.MatchedCategories[1]);
        Assert.True(insight.CategoryDetails.ContainsKey("cancellationrisk"));
    }

    private static CallAnalyticsInsight Insight() => new()
    {
        JobName = "call-118",
        SourceName = "call-118.json",
        MatchedCategories = ["CancellationRisk", "Billing"],
        CategoryDetails = new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.OrdinalIgnoreCase)
        {
            ["CancellationRisk"] = [new TimeRange(1.5, 4), new TimeRange(10, 12)],
            ["Billing"] = [],
        },
        NonTalkTimeInstances = [new TimeRange(12.5, 14)],
        AgentSentimentByQuarter = [0.5, -1.25],
        Issues = [new CallAnalyticsDetection { Text = "my bill is wrong", Participant = "Customer" }],
        Outcomes = [new CallAnalyticsDetection { Text = "I will refund it" }, new CallAnalyticsDetection { Text = "it is fixed" }],
    };
}
