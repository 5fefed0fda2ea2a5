using System.Globalization;
using System.Text.RegularExpressions;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Export;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Export;

public class CallReportWriterTests
{
    private static CallReport Call(string job, params string[] categories) => new(
        new CallAnalyticsInsight
        {
            JobName = job,
            SourceName = job + ".json",
            Duration = 90,
            NonTalkTimeInstances = [new TimeRange(40, 44)],
            AgentInterruptionInstances = [new TimeRange(20, 21)],
            InterruptionCount = 1,
            MatchedCategories = categories,
            CategoryDetails = categories.ToDictionary(c => c, IReadOnlyList<TimeRange> (_) => [new TimeRange(10, 12)]),
            Summary = "A <b>bold</b> customer & an agent.",
        },
        [
            new TranscriptTurn { JobName = job, Index = 0, Participant = "Agent", Speaker = "AGENT", SpeakerName = "Agent", StartTime = 0, EndTime = 9, Text = "Hello <there>", Sentiment = "POSITIVE", Loudness = 60 },
            new TranscriptTurn { JobName = job, Index = 1, Participant = "Customer", Speaker = "CUSTOMER", SpeakerName = "Customer", StartTime = 10, EndTime = 30, Text = "Cancel [PII] now", Sentiment = "NEGATIVE", Loudness = 80 },
        ]);

    private static string Write(params CallReport[] calls)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        CallReportWriter.Write(text, calls, "Report & co");
        return text.ToString();
    }

    [Fact]
    public void One_call_has_its_turns_categories_charts_and_encoded_text_and_no_batch_table()
    {
        var html = Write(Call("call-1", "Cancel"));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Report &amp; co</title>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<li class=\"turn\"").Count);
        Assert.Contains("Hello &lt;there&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A &lt;b&gt;bold&lt;/b&gt; customer &amp; an agent.", html, StringComparison.Ordinal);
        Assert.Contains("data-category=\"Cancel\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"timeline\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"loudness\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"gap\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"interruption\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"poi\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("table class=\"sortable", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_opens_with_a_sortable_table_linking_each_call()
    {
        var html = Write(Call("call-1", "Cancel"), Call("call-2"));

        Assert.Contains("<table class=\"sortable calls\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#call-1\">call-1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#call-2\">call-2</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"call-2\"", html, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Matches(html, "<th scope=\"col\" aria-sort=\"none\"><button").Count);
    }

    [Fact]
    public void Nothing_is_fetched_from_anywhere()
    {
        var html = Write(Call("call-1", "Cancel"), Call("call-2"));

        Assert.DoesNotMatch(@"\b(src|srcset|href)\s*=\s*""(?!#)", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_built_a_call_at_a_time_has_every_section_once_in_order_after_the_table()
    {
        using var builder = new CallReportBuilder();
        foreach (var job in new[] { "call-1", "call-2", "call-3" })
        {
            builder.Add(Call(job, "Cancel"));
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        builder.WriteTo(text, "Batch");
        var html = text.ToString();

        Assert.Equal(["call-1", "call-2", "call-3"], Regex.Matches(html, "<section class=\"call\" id=\"call-(\\d)\"[^>]*data-job=\"([^\"]+)\"").Select(m => m.Groups[2].Value));
        Assert.True(html.IndexOf("<table class=\"sortable calls\">", StringComparison.Ordinal) < html.IndexOf("<section class=\"call\"", StringComparison.Ordinal));
        Assert.Equal(6, Regex.Matches(html, "<li class=\"turn\"").Count);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }
}
