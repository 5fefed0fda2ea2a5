using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Export;

/// <summary>
/// A Word document: a title block (the job name and its details), for call analytics the call's figures as tables
/// (characteristics, sentiment per quarter, categories with their points of interest, issues, outcomes and action
/// items, the summary), then the transcript, one paragraph per turn opening with its time and speaker in bold.
/// </summary>
/// <remarks>
/// The body is written with <see cref="OpenXmlWriter"/>, element by element, straight into the zip entry, so neither
/// paragraphs nor the part are ever held whole: memory stays flat however long the transcript.
/// Headings use Word's built-in Title/Heading 1 styles and tables mark their header row, so the document has an
/// outline and tables that assistive technology reads as such.
/// </remarks>
internal sealed class DocxTranscriptWriter : TranscriptWriter
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive _package;
    private readonly Stream _part;
    private readonly OpenXmlWriter _body;
    private readonly ParagraphBuilder _paragraphs = new();
    private readonly TurnClock _clock = new();

    public DocxTranscriptWriter(Stream output, TranscriptExportOptions options)
    {
        // The package is written as a zip in create mode, part after part, so the document part streams into the
        // output as it is written; the SDK's own package would hold it in memory until saved.
        _package = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
            """);
        Entry("_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="word/document.xml"/></Relationships>
            """);
        Entry("word/_rels/document.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/styles" Target="styles.xml"/></Relationships>
            """);
        Entry("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + DocxStyles.Build().OuterXml);
        _part = _package.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
        _body = OpenXmlWriter.Create(_part);
        _body.WriteStartDocument(true);
        _body.WriteStartElement(new Document());
        _body.WriteStartElement(new Body());
        _body.WriteElement(Para(options.Title, DocxStyles.Title));
        foreach (var (label, value) in options.Details)
        {
            _body.WriteElement(new Paragraph(BoldRun(label + ": "), PlainRun(value)));
        }

        if (options.Insight is { } insight)
        {
            foreach (var element in InsightElements(insight))
            {
                _body.WriteElement(element);
            }
        }

        _body.WriteElement(Para(Messages.DocxTranscriptHeading, DocxStyles.Heading1));
    }

    public override void Write(TranscriptItem item)
    {
        if (_paragraphs.Add(item) is { } paragraph)
        {
            Write(paragraph);
        }
    }

    public override void Write(TranscriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lead = Timestamps.Clock(_clock.StartOf(turn)) + (SpeakerOf(turn) is { } speaker ? " " + speaker : string.Empty) + ": ";
        _body.WriteElement(new Paragraph(BoldRun(lead), PlainRun(turn.Text)));
    }

    public override void Complete()
    {
        if (_paragraphs.Complete() is { } last)
        {
            Write(last);
        }

        _body.WriteEndElement();
        _body.WriteEndElement();
        _body.Close();
        _part.Dispose();
        _package.Dispose();
    }

    private void Entry(string name, string xml)
    {
        using var part = new StreamWriter(_package.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        part.Write(xml);
    }

    private static IEnumerable<OpenXmlElement> InsightElements(CallAnalyticsInsight insight)
    {
        yield return Para(Messages.DocxCallHeading, DocxStyles.Heading1);
        if (!string.IsNullOrWhiteSpace(insight.Summary))
        {
            yield return Para(Messages.DocxSummaryHeading, DocxStyles.Heading2);
            yield return Para(insight.Summary!, null);
        }

        yield return Para(Messages.DocxCharacteristicsHeading, DocxStyles.Heading2);
        yield return Table(["Measure", "Agent", "Customer", "Call"],
        [
            ["Talk time", Span(insight.AgentTalkTime), Span(insight.CustomerTalkTime), Span(insight.Duration)],
            ["Talk speed (words a minute)", Number(insight.AgentTalkSpeed), Number(insight.CustomerTalkSpeed), string.Empty],
            ["Interruptions", Count(insight.AgentInterruptions, insight.AgentInterruptionTime), Count(insight.CustomerInterruptions, insight.CustomerInterruptionTime), Count(insight.InterruptionCount, insight.InterruptionTime)],
            ["Non-talk time", string.Empty, string.Empty, Count(insight.NonTalkTimeInstances.Count, insight.NonTalkTime)],
            ["Sentiment (−5 to +5)", Number(insight.AgentSentiment), Number(insight.CustomerSentiment), string.Empty],
        ]);

        yield return Para(Messages.DocxSentimentHeading, DocxStyles.Heading2);
        int quarters = Math.Max(insight.AgentSentimentByQuarter.Count, insight.CustomerSentimentByQuarter.Count);
        yield return Table(["Participant", .. Enumerable.Range(1, Math.Max(quarters, 4)).Select(q => "Q" + q.ToString(CultureInfo.InvariantCulture))],
        [
            ["Agent", .. Quarters(insight.AgentSentimentByQuarter, Math.Max(quarters, 4))],
            ["Customer", .. Quarters(insight.CustomerSentimentByQuarter, Math.Max(quarters, 4))],
        ]);

        yield return Para(Messages.DocxCategoriesHeading, DocxStyles.Heading2);
        yield return insight.MatchedCategories.Count == 0
            ? Para(Messages.DocxNone, null)
            : Table(["Category", "Points of interest"], insight.MatchedCategories.Select(c => new[]
            {
                c,
                insight.CategoryDetails.TryGetValue(c, out var points) && points.Count > 0
                    ? string.Join(", ", points.Select(p => Timestamps.Clock(p.Start) + "–" + Timestamps.Clock(p.End)))
                    : Messages.DocxWholeCall,
            }).ToList());

        foreach (var (heading, detections) in new[]
        {
            (Messages.DocxIssuesHeading, insight.Issues),
            (Messages.DocxOutcomesHeading, insight.Outcomes),
            (Messages.DocxActionItemsHeading, insight.ActionItems),
        })
        {
            yield return Para(heading, DocxStyles.Heading2);
            yield return detections.Count == 0
                ? Para(Messages.DocxNone, null)
                : Table(["Time", "Participant", "Text"], detections.Select(d => new[]
                {
                    d.StartTime is { } t ? Timestamps.Clock(t) : string.Empty,
                    d.Participant ?? string.Empty,
                    d.Text,
                }).ToList());
        }
    }

    private static IEnumerable<string> Quarters(IReadOnlyList<double> scores, int count)
        => Enumerable.Range(0, count).Select(i => i < scores.Count ? Number(scores[i]) : string.Empty);

    private static string Span(double seconds) => Timestamps.Clock(seconds);

    private static string Count(int count, double time) => string.Create(CultureInfo.InvariantCulture, $"{count} ({Span(time)})");

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : string.Empty;

    private static Table Table(IReadOnlyList<string> header, IReadOnlyList<IEnumerable<string>> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = DocxStyles.TableGrid },
                new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto },
                new TableLook { Val = "04A0" }),
            new TableGrid(header.Select(_ => new GridColumn())));
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        headerRow.Append(header.Select(h => new TableCell(new Paragraph(BoldRun(h)))));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(PlainRun(cell))))));
        }

        return table;
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(PlainRun(text));
        return paragraph;
    }

    private static Run BoldRun(string text) => new(new RunProperties(new Bold()), TextOf(text));

    private static Run PlainRun(string text) => new(TextOf(text));

    private static Text TextOf(string text) => new(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>Drops the control characters XML cannot carry (a transcript should have none; one must not break the file).</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c != '\t'))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c >= ' ' || c == '\t')
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }
}

/// <summary>The few styles the document uses, under Word's built-in names so Word's outline and navigation know them.</summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string TableGrid = "TableGrid";

    public static Styles Build()
    {
        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new FontSize { Val = "22" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        return new Styles(
            normal,
            Heading(Title, "Title", size: "48", outline: null),
            Heading(Heading1, "heading 1", size: "32", outline: 0),
            Heading(Heading2, "heading 2", size: "26", outline: 1),
            new Style(
                new StyleName { Val = "Table Grid" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = TableGrid });
    }

    private static Style Heading(string id, string name, string size, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
