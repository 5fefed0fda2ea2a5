using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Export;
using TranscribePS.Core.Transcripts;
using static TranscribePS.Tests.Export.ExportTestData;

namespace TranscribePS.Tests.Export;

public class DocxTranscriptWriterTests
{
    private static readonly TranscriptItem[] Dialogue =
    [
        W("Hello", 0.5, 0.9, "spk_0", name: "Ana"), P(".", "spk_0"),
        W("Hi", 3661.25, 3661.5, "spk_1", name: "Bo"), W("[PII]", 3661.6, 3662.0, "spk_1", redacted: true, name: "Bo"), P("!", "spk_1"),
    ];

    private static readonly CallAnalyticsInsight Insight = new()
    {
        JobName = "call-1",
        SourceName = "call-1.json",
        Duration = 95,
        AgentTalkTime = 40,
        CustomerTalkTime = 35,
        AgentTalkSpeed = 150,
        InterruptionCount = 2,
        AgentSentiment = 1.5,
        CustomerSentiment = -2,
        AgentSentimentByQuarter = [1, 2, 1.5, 2],
        CustomerSentimentByQuarter = [-1, -3, -2, 0],
        MatchedCategories = ["CancellationRisk", "Greeting"],
        CategoryDetails = new Dictionary<string, IReadOnlyList<TimeRange>> { ["CancellationRisk"] = [new TimeRange(12.5, 14)] },
        Issues = [new CallAnalyticsDetection { Text = "card fell into the water", Participant = "Customer", StartTime = 11 }],
        ActionItems = [new CallAnalyticsDetection { Text = "send a new card", Participant = "Agent", StartTime = 60 }],
        Summary = "The customer lost a card and the agent ordered a new one.",
    };

    private static MemoryStream Write(IEnumerable<TranscriptItem> items, CallAnalyticsInsight? insight = null)
    {
        var output = new MemoryStream();
        var writer = TranscriptWriter.ForStream(TranscriptFormat.Docx, output, new TranscriptExportOptions
        {
            Title = "call-1",
            Details = [new("Kind", "CallAnalytics")],
            Insight = insight,
        });
        foreach (var item in items)
        {
            writer.Write(item);
        }

        writer.Complete();
        output.Position = 0;
        return output;
    }

    private static List<string> Errors(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, isEditable: false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    [Fact]
    public void A_transcript_gives_a_valid_document_with_a_title_and_a_timed_paragraph_per_turn()
    {
        using var docx = Write(Dialogue);

        Assert.Empty(Errors(docx));
        using var document = WordprocessingDocument.Open(docx, isEditable: false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal("call-1", paragraphs[0].InnerText);
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("Kind: CallAnalytics", paragraphs[1].InnerText);
        Assert.Equal(["00:00:00 Ana: Hello.", "01:01:01 Bo: Hi [PII]!"], paragraphs.Skip(3).Select(p => p.InnerText));
        Assert.All(paragraphs.Skip(3), p => Assert.NotNull(p.Elements<Run>().First().RunProperties?.Bold));
    }

    [Fact]
    public void Call_analytics_figures_come_as_valid_tables_with_header_rows_before_the_transcript()
    {
        using var docx = Write(Dialogue, Insight);

        var errors = Errors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var document = WordprocessingDocument.Open(docx, isEditable: false);
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(5, tables.Count);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(["Participant", "Q1", "Q2", "Q3", "Q4"], tables[1].Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["Customer", "-1", "-3", "-2", "0"], tables[1].Elements<TableRow>().Last().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["CancellationRisk", "00:00:12–00:00:14"], tables[2].Elements<TableRow>().ElementAt(1).Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["Greeting", "The whole call"], tables[2].Elements<TableRow>().ElementAt(2).Elements<TableCell>().Select(c => c.InnerText));
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == Insight.Summary);
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1").Select(p => p.InnerText);
        Assert.Equal(["Call analytics", "Transcript"], headings);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "None.");
    }

    [Fact]
    public void A_long_transcript_streams_into_a_write_only_file_and_validates()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tps-docx-{Guid.NewGuid():N}.docx");
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                var writer = TranscriptWriter.ForStream(TranscriptFormat.Docx, file, new TranscriptExportOptions { Title = "long" });
                foreach (var item in Speech(20_000))
                {
                    writer.Write(item);
                }

                writer.Complete();
            }

            using var read = File.OpenRead(path);
            Assert.Empty(Errors(read));
            read.Position = 0;
            using var document = WordprocessingDocument.Open(read, isEditable: false);
            Assert.Equal(20_000 / ParagraphBuilderWords + 2, document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const int ParagraphBuilderWords = 80;
}
