using System.Globalization;
using System.Net;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>One call of a report: its figures and its turns (with participant, sentiment and loudness).</summary>
public sealed record CallReport(CallAnalyticsInsight Insight, IReadOnlyList<TranscriptTurn> Turns);

/// <summary>
/// Writes the call analytics report: one self-contained HTML file (inline styles, inline SVG charts, a few lines of
/// inline script for sorting; no external script, font, image or request) for one call or a batch. A batch opens with
/// a sortable table of the calls, each linking to its section. Each call shows its figures, a timeline of turns by
/// participant coloured by sentiment with non-talk gaps, interruptions and category points of interest marked,
/// loudness over time, sentiment per quarter, matched categories, issues, outcomes, action items, the summary and
/// every turn.
/// </summary>
/// <remarks>
/// Accessible: one h1, h2 per call, h3 per part; tables with captions and th scope; each chart is an img with a title
/// and a description, and what it shows is also in text (the turn list and figures); colours keep 4.5:1 contrast
/// on white and sentiment is also written as a word. Printable: buttons hidden, each call on its own page.
/// </remarks>
public static class CallReportWriter
{
    private const double ChartWidth = 1000;

    /// <summary>Writes the report of <paramref name="calls"/> (the same path as <see cref="CallReportBuilder"/>, a call at a time).</summary>
    public static void Write(TextWriter output, IReadOnlyList<CallReport> calls, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(calls);
        using var builder = new CallReportBuilder();
        foreach (var call in calls)
        {
            builder.Add(call);
        }

        builder.WriteTo(output, title);
    }

    /// <summary>The page up to and including the h1.</summary>
    internal static void WriteStart(TextWriter output, string title)
    {
        var w = new Html(output);
        w.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Nothing may be fetched: the policy forbids every source but the page's own inline style and script.
        w.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        w.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Text(title).Raw("</title>\n<style>").Raw(Style).Raw("</style>\n</head>\n<body>\n<main>\n<h1>").Text(title).Raw("</h1>\n");
    }

    /// <summary>The end of the page; <paramref name="empty"/> says there was no call at all.</summary>
    internal static void WriteEnd(TextWriter output, bool empty)
    {
        var w = new Html(output);
        if (empty)
        {
            w.Raw("<p>").Text(Messages.ReportNoCalls).Raw("</p>\n");
        }

        w.Raw("</main>\n<script>").Raw(Script).Raw("</script>\n</body>\n</html>\n");
        output.Flush();
    }

    internal static void WriteBatchTable(TextWriter output, IReadOnlyList<CallAnalyticsInsight> calls)
    {
        var w = new Html(output);
        w.Raw("<section aria-labelledby=\"calls\">\n<h2 id=\"calls\">Calls</h2>\n<table class=\"sortable calls\">\n<caption>")
            .Text(Messages.ReportBatchCaption(calls.Count)).Raw("</caption>\n<thead><tr>");
        foreach (var heading in new[] { "Call", "Duration", "Agent talk", "Customer talk", "Non-talk", "Interruptions", "Agent sentiment", "Customer sentiment", "Categories", "Issues" })
        {
            w.Raw("<th scope=\"col\" aria-sort=\"none\"><button type=\"button\">").Text(heading).Raw("</button></th>");
        }

        w.Raw("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < calls.Count; i++)
        {
            var insight = calls[i];
            w.Raw("<tr><th scope=\"row\" data-value=\"").Text(insight.JobName).Raw("\"><a href=\"#call-").Number(i + 1).Raw("\">").Text(insight.JobName).Raw("</a></th>");
            Cell(w, insight.Duration, Timestamps.Clock(insight.Duration));
            Cell(w, insight.AgentTalkTime, Timestamps.Clock(insight.AgentTalkTime));
            Cell(w, insight.CustomerTalkTime, Timestamps.Clock(insight.CustomerTalkTime));
            Cell(w, insight.NonTalkTime, Timestamps.Clock(insight.NonTalkTime));
            Cell(w, insight.InterruptionCount, insight.InterruptionCount.ToString(CultureInfo.InvariantCulture));
            Cell(w, insight.AgentSentiment ?? double.NaN, Score(insight.AgentSentiment));
            Cell(w, insight.CustomerSentiment ?? double.NaN, Score(insight.CustomerSentiment));
            w.Raw("<td data-value=\"").Text(string.Join(", ", insight.MatchedCategories)).Raw("\">").Text(string.Join(", ", insight.MatchedCategories)).Raw("</td>");
            Cell(w, insight.Issues.Count, insight.Issues.Count.ToString(CultureInfo.InvariantCulture));
            w.Raw("</tr>\n");
        }

        w.Raw("</tbody>\n</table>\n</section>\n");
    }

    private static void Cell(Html w, double value, string shown)
        => w.Raw("<td data-value=\"").Raw(double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture)).Raw("\">").Text(shown).Raw("</td>");

    /// <summary>One call's section (h2): figures, charts, categories, detections and every turn.</summary>
    internal static void WriteCall(TextWriter output, CallReport call, int number, bool inBatch)
    {
        var w = new Html(output);
        var insight = call.Insight;
        var id = "call-" + number.ToString(CultureInfo.InvariantCulture);
        double duration = Math.Max(insight.Duration, call.Turns.Select(t => t.EndTime ?? 0).DefaultIfEmpty(0).Max());
        duration = duration > 0 ? duration : 1;
        w.Raw("<section class=\"call\" id=\"").Raw(id).Raw("\" aria-labelledby=\"").Raw(id).Raw("-h\" data-job=\"").Text(insight.JobName).Raw("\">\n<h2 id=\"").Raw(id).Raw("-h\">").Text(inBatch ? insight.JobName : Messages.ReportCallHeading).Raw("</h2>\n");

        w.Raw("<dl class=\"figures\">");
        Figure(w, "Duration", Timestamps.Clock(insight.Duration));
        Figure(w, "Language", insight.LanguageCode ?? "—");
        Figure(w, "Agent talk time", Timestamps.Clock(insight.AgentTalkTime) + Speed(insight.AgentTalkSpeed));
        Figure(w, "Customer talk time", Timestamps.Clock(insight.CustomerTalkTime) + Speed(insight.CustomerTalkSpeed));
        Figure(w, "Non-talk time", Timestamps.Clock(insight.NonTalkTime) + $" ({insight.NonTalkTimeInstances.Count.ToString(CultureInfo.InvariantCulture)} gaps)");
        Figure(w, "Interruptions", string.Create(CultureInfo.InvariantCulture, $"{insight.InterruptionCount} (agent {insight.AgentInterruptions}, customer {insight.CustomerInterruptions})"));
        Figure(w, "Agent sentiment", Score(insight.AgentSentiment));
        Figure(w, "Customer sentiment", Score(insight.CustomerSentiment));
        w.Raw("</dl>\n");

        if (!string.IsNullOrWhiteSpace(insight.Summary))
        {
            w.Raw("<h3>Summary</h3>\n<p class=\"summary\">").Text(insight.Summary!).Raw("</p>\n");
        }

        w.Raw("<h3>Timeline</h3>\n");
        Timeline(w, call, id, duration);
        w.Raw("<h3>Loudness over time</h3>\n");
        Loudness(w, call, id, duration);

        w.Raw("<h3>Sentiment per quarter</h3>\n<table class=\"quarters\"><caption>").Text(Messages.ReportQuartersCaption).Raw("</caption>\n<thead><tr><th scope=\"col\">Participant</th>");
        for (int q = 1; q <= 4; q++)
        {
            w.Raw("<th scope=\"col\">Q").Number(q).Raw("</th>");
        }

        w.Raw("</tr></thead>\n<tbody>");
        foreach (var (who, scores) in new[] { ("Agent", insight.AgentSentimentByQuarter), ("Customer", insight.CustomerSentimentByQuarter) })
        {
            w.Raw("<tr><th scope=\"row\">").Text(who).Raw("</th>");
            for (int q = 0; q < 4; q++)
            {
                w.Raw("<td>").Text(q < scores.Count ? Score(scores[q]) : "—").Raw("</td>");
            }

            w.Raw("</tr>");
        }

        w.Raw("</tbody></table>\n<h3>Matched categories</h3>\n");
        if (insight.MatchedCategories.Count == 0)
        {
            w.Raw("<p>").Text(Messages.ReportNone).Raw("</p>\n");
        }
        else
        {
            w.Raw("<ul class=\"categories\">");
            foreach (var category in insight.MatchedCategories)
            {
                w.Raw("<li class=\"category\" data-category=\"").Text(category).Raw("\"><strong>").Text(category).Raw("</strong>: ");
                var points = insight.CategoryDetails.TryGetValue(category, out var found) ? found : [];
                w.Text(points.Count == 0 ? Messages.ReportWholeCall : string.Join(", ", points.Select(Range)));
                w.Raw("</li>");
            }

            w.Raw("</ul>\n");
        }

        foreach (var (heading, detections) in new[] { ("Issues", insight.Issues), ("Outcomes", insight.Outcomes), ("Action items", insight.ActionItems) })
        {
            w.Raw("<h3>").Text(heading).Raw("</h3>\n");
            if (detections.Count == 0)
            {
                w.Raw("<p>").Text(Messages.ReportNone).Raw("</p>\n");
                continue;
            }

            w.Raw("<ul class=\"detections\">");
            foreach (var d in detections)
            {
                w.Raw("<li><span class=\"time\">").Text(d.StartTime is { } t ? Timestamps.Clock(t) : "—").Raw("</span> ").Text(d.Participant ?? string.Empty).Raw(": ").Text(d.Text).Raw("</li>");
            }

            w.Raw("</ul>\n");
        }

        w.Raw("<h3>Turns</h3>\n<ol class=\"turns\">\n");
        foreach (var turn in call.Turns)
        {
            var sentiment = turn.Sentiment?.ToUpperInvariant();
            w.Raw("<li class=\"turn\" data-participant=\"").Text(turn.Participant ?? string.Empty).Raw("\" data-sentiment=\"").Text(sentiment ?? string.Empty).Raw("\">")
                .Raw("<span class=\"time\">").Text(Timestamps.Clock(turn.StartTime ?? 0)).Raw("</span> ")
                .Raw("<span class=\"speaker ").Raw(ParticipantClass(turn.Participant)).Raw("\">").Text(TranscriptWriter.SpeakerOf(turn) ?? "—").Raw("</span> ");
            if (sentiment is not null)
            {
                w.Raw("<span class=\"sentiment s-").Raw(SentimentClass(sentiment)).Raw("\">").Text(sentiment.ToLowerInvariant()).Raw("</span> ");
            }

            w.Raw("<span class=\"text\">").Text(turn.Text).Raw("</span></li>\n");
        }

        w.Raw("</ol>\n</section>\n");
    }

    private static void Timeline(Html w, CallReport call, string id, double duration)
    {
        var insight = call.Insight;
        const double lane = 26;
        double[] rows = [24, 58, 92, 126];
        w.Raw("<figure>\n<svg class=\"timeline\" viewBox=\"0 0 1140 170\" role=\"img\" aria-labelledby=\"").Raw(id).Raw("-tl-t ").Raw(id).Raw("-tl-d\">")
            .Raw("<title id=\"").Raw(id).Raw("-tl-t\">").Text(Messages.ReportTimelineTitle).Raw("</title>")
            .Raw("<desc id=\"").Raw(id).Raw("-tl-d\">").Text(Messages.ReportTimelineDescription(call.Turns.Count, insight.NonTalkTimeInstances.Count, insight.InterruptionCount)).Raw("</desc>\n");
        string[] labels = ["Agent", "Customer", "Non-talk", "Categories"];
        for (int i = 0; i < labels.Length; i++)
        {
            w.Raw("<text x=\"0\" y=\"").Number(rows[i] + 18).Raw("\" class=\"lane\">").Text(labels[i]).Raw("</text>");
        }

        Axis(w, duration, 160);
        foreach (var turn in call.Turns)
        {
            double y = string.Equals(turn.Participant, "Customer", StringComparison.OrdinalIgnoreCase) ? rows[1] : rows[0];
            Bar(w, turn.StartTime ?? 0, turn.EndTime ?? turn.StartTime ?? 0, duration, y, lane, "turn s-" + SentimentClass(turn.Sentiment),
                $"{Timestamps.Clock(turn.StartTime ?? 0)} {turn.Participant}: {turn.Sentiment?.ToLowerInvariant() ?? "no sentiment"}");
        }

        foreach (var gap in insight.NonTalkTimeInstances)
        {
            Bar(w, gap.Start, gap.End, duration, rows[2], lane, "gap", $"{Range(gap)} non-talk");
        }

        foreach (var (who, instances, y) in new[] { ("agent", insight.AgentInterruptionInstances, rows[0]), ("customer", insight.CustomerInterruptionInstances, rows[1]) })
        {
            foreach (var cut in instances)
            {
                double x = X(cut.Start, duration);
                w.Raw("<path class=\"interruption\" d=\"M").Number(x).Raw(' ').Number(y - 8).Raw(" l6 0 l-3 7 z\"><title>").Text($"{Range(cut)} the {who} interrupts").Raw("</title></path>");
            }
        }

        foreach (var (category, points) in insight.CategoryDetails)
        {
            foreach (var point in points)
            {
                Bar(w, point.Start, point.End, duration, rows[3], lane, "poi", $"{Range(point)} {category}");
            }
        }

        w.Raw("</svg>\n<figcaption>").Text(Messages.ReportTimelineLegend).Raw("</figcaption>\n</figure>\n");
    }

    private static void Loudness(Html w, CallReport call, string id, double duration)
    {
        var scored = call.Turns.Where(t => t.Loudness is not null && t.StartTime is not null).ToList();
        if (scored.Count == 0)
        {
            w.Raw("<p>").Text(Messages.ReportNoLoudness).Raw("</p>\n");
            return;
        }

        w.Raw("<figure>\n<svg class=\"loudness\" viewBox=\"0 0 1140 150\" role=\"img\" aria-labelledby=\"").Raw(id).Raw("-ld-t\"><title id=\"").Raw(id).Raw("-ld-t\">")
            .Text(Messages.ReportLoudnessTitle).Raw("</title>");
        w.Raw("<line class=\"grid\" x1=\"100\" x2=\"1100\" y1=\"20\" y2=\"20\"/><line class=\"grid\" x1=\"100\" x2=\"1100\" y1=\"120\" y2=\"120\"/>")
            .Raw("<text x=\"0\" y=\"24\" class=\"lane\">100</text><text x=\"0\" y=\"124\" class=\"lane\">0</text>");
        Axis(w, duration, 140);
        foreach (var who in new[] { "Agent", "Customer" })
        {
            var points = scored.Where(t => string.Equals(t.Participant, who, StringComparison.OrdinalIgnoreCase)).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            w.Raw("<polyline class=\"").Raw(ParticipantClass(who)).Raw("\" points=\"");
            foreach (var t in points)
            {
                double y = 120 - Math.Clamp(t.Loudness!.Value, 0, 100);
                w.Number(X(t.StartTime!.Value, duration)).Raw(',').Number(y).Raw(' ').Number(X(t.EndTime ?? t.StartTime!.Value, duration)).Raw(',').Number(y).Raw(' ');
            }

            w.Raw("\"><title>").Text(who).Raw("</title></polyline>");
        }

        w.Raw("</svg>\n<figcaption>").Text(Messages.ReportLoudnessLegend).Raw("</figcaption>\n</figure>\n");
    }

    private static void Axis(Html w, double duration, double y)
    {
        double step = new[] { 10, 30, 60, 120, 300, 600, 900, 1800, 3600 }.FirstOrDefault(s => duration / s <= 10, 7200);
        for (double t = 0; t <= duration + 0.001; t += step)
        {
            w.Raw("<text x=\"").Number(X(t, duration)).Raw("\" y=\"").Number(y).Raw("\" class=\"tick\">").Text(Timestamps.Clock(t)).Raw("</text>");
        }
    }

    private static void Bar(Html w, double start, double end, double duration, double y, double height, string cssClass, string title)
    {
        double x = X(start, duration);
        double width = Math.Max(1.5, X(end, duration) - x);
        w.Raw("<rect class=\"").Raw(cssClass).Raw("\" x=\"").Number(x).Raw("\" y=\"").Number(y).Raw("\" width=\"").Number(width).Raw("\" height=\"").Number(height).Raw("\"><title>").Text(title).Raw("</title></rect>");
    }

    private static double X(double seconds, double duration) => 100 + ChartWidth * Math.Clamp(seconds / duration, 0, 1);

    private static void Figure(Html w, string label, string value) => w.Raw("<div><dt>").Text(label).Raw("</dt><dd>").Text(value).Raw("</dd></div>");

    private static string Range(TimeRange range) => Timestamps.Clock(range.Start) + "–" + Timestamps.Clock(range.End);

    private static string Score(double? score) => score is { } s ? s.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) : "—";

    private static string Speed(double? wordsPerMinute) => wordsPerMinute is { } s ? string.Create(CultureInfo.InvariantCulture, $", {s:0} words a minute") : string.Empty;

    private static string SentimentClass(string? sentiment) => sentiment?.ToUpperInvariant() switch
    {
        "POSITIVE" => "positive",
        "NEGATIVE" => "negative",
        "MIXED" => "mixed",
        "NEUTRAL" => "neutral",
        _ => "none",
    };

    private static string ParticipantClass(string? participant) => string.Equals(participant, "Customer", StringComparison.OrdinalIgnoreCase) ? "customer" : "agent";

    /// <summary>Writes markup as given and text encoded.</summary>
    private sealed class Html(TextWriter output)
    {
        public Html Raw(string markup)
        {
            output.Write(markup);
            return this;
        }

        public Html Raw(char markup)
        {
            output.Write(markup);
            return this;
        }

        public Html Text(string text)
        {
            output.Write(WebUtility.HtmlEncode(text));
            return this;
        }

        public Html Number(double value)
        {
            output.Write(Math.Round(value, 2).ToString(CultureInfo.InvariantCulture));
            return this;
        }
    }

    private const string Style = """
        :root { color: #1f2328; background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 16px 24px; }
        h1 { font-size: 1.7rem; margin: 0 0 12px; } h2 { font-size: 1.35rem; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; } h3 { font-size: 1.05rem; margin: 20px 0 6px; }
        table { border-collapse: collapse; margin: 6px 0 12px; } caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; } thead th { background: #f6f8fa; }
        th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
        a { color: #0550ae; } a:focus, button:focus { outline: 2px solid #0550ae; outline-offset: 2px; }
        dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px 16px; margin: 8px 0; }
        dl.figures dt { font-size: .85rem; color: #57606a; } dl.figures dd { margin: 0; font-weight: 600; }
        figure { margin: 4px 0 8px; } svg { width: 100%; height: auto; display: block; } figcaption { font-size: .85rem; color: #57606a; }
        svg text { font-size: 13px; fill: #1f2328; } svg .tick { font-size: 11px; fill: #57606a; text-anchor: middle; }
        rect.s-positive { fill: #1a7f37; } rect.s-negative { fill: #b42318; } rect.s-mixed { fill: #9a6700; } rect.s-neutral { fill: #6e7781; } rect.s-none { fill: #8c959f; }
        rect.gap { fill: #d0d7de; stroke: #57606a; stroke-dasharray: 2 2; } rect.poi { fill: #8250df; } path.interruption { fill: #cf222e; }
        polyline { fill: none; stroke-width: 2; } polyline.agent { stroke: #0550ae; } polyline.customer { stroke: #bc4c00; } line.grid { stroke: #d0d7de; }
        ol.turns { padding-left: 2.5em; } li.turn { margin: 4px 0; } .time { font-variant-numeric: tabular-nums; color: #57606a; }
        .speaker { font-weight: 600; } .speaker.agent { color: #0550ae; } .speaker.customer { color: #953800; }
        .sentiment { font-size: .8rem; padding: 0 6px; border-radius: 8px; color: #fff; }
        .s-positive.sentiment { background: #1a7f37; } .s-negative.sentiment { background: #b42318; } .s-mixed.sentiment { background: #9a6700; } .s-neutral.sentiment { background: #6e7781; } .s-none.sentiment { background: #57606a; }
        @media print { :root { font-size: 11pt; } main { max-width: none; padding: 0; } th button::after { content: none !important; } section.call { break-before: page; } li.turn, tr, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    // Sorts a table by the column whose header button is pressed: numbers by data-value, text otherwise.
    private const string Script = """
        document.querySelectorAll('table.sortable').forEach(function (table) {
          table.querySelectorAll('thead th').forEach(function (th, column) {
            th.querySelector('button').addEventListener('click', function () {
              var ascending = th.getAttribute('aria-sort') !== 'ascending';
              table.querySelectorAll('thead th').forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
              th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var key = function (row) { var v = row.cells[column].getAttribute('data-value'); var n = parseFloat(v); return v !== '' && !isNaN(n) ? n : (v || '').toLowerCase(); };
              rows.sort(function (a, b) { var x = key(a), y = key(b); var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)); return ascending ? c : -c; });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
