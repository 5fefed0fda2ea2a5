using TranscribePS.Core.Export;

namespace TranscribePS.Core;

/// <summary>Messages of the exporters and the export cmdlets.</summary>
public static partial class Messages
{
    public static string ExportFormatNotText(TranscriptFormat format)
        => $"{format} is not a text format. Use Export-Transcript -Format {format} -Path <file> to write it to a file.";

    public static string ExportInputUnsupported(string? type)
        => $"Cannot export a {type ?? "null"}: pipe jobs (Get-TranscribeJob), items (Get-TranscriptItem), turns (Get-TranscriptTurn), transcript files (Get-ChildItem *.json), or give their paths or S3 URIs.";

    public static string ExportFormatUnknown(string path)
        => $"Cannot tell the format from '{path}': give -Format Srt, Vtt, Text, Markdown or Docx, or a -Path ending in .srt, .vtt, .txt, .md or .docx.";

    public static string ExportFolderNeedsFormat(string path)
        => $"'{path}' is a folder, so each transcript is written there as <job name>.<extension>: give -Format to choose the extension.";

    public static string ExportPathInUse(string path, string jobName)
        => $"'{path}' already holds another transcript from this command, so '{jobName}' was not written. Give a folder as -Path to write one file per transcript.";

    public static string ExportAction(TranscriptFormat format, string jobName)
        => $"Export transcript of '{jobName}' as {format}";

    // The Word document's headings and fillers.
    public const string DocxTranscriptHeading = "Transcript";
    public const string DocxCallHeading = "Call analytics";
    public const string DocxSummaryHeading = "Summary";
    public const string DocxCharacteristicsHeading = "Talk time, interruptions and sentiment";
    public const string DocxSentimentHeading = "Sentiment per quarter of the call";
    public const string DocxCategoriesHeading = "Matched categories";
    public const string DocxIssuesHeading = "Issues";
    public const string DocxOutcomesHeading = "Outcomes";
    public const string DocxActionItemsHeading = "Action items";
    public const string DocxNone = "None.";
    public const string DocxWholeCall = "The whole call";

    public const string DocxKindLabel = "Kind";
    public const string DocxLanguageLabel = "Language";
    public const string DocxCompletedLabel = "Completed";
    public const string DocxRecordingLabel = "Recording";
    public const string DocxSourceLabel = "Transcript";

    // The call analytics report.
    public const string ReportCallHeading = "The call";
    public const string ReportNone = "None.";
    public const string ReportWholeCall = "the whole call";
    public const string ReportNoCalls = "No call analytics transcripts were given.";
    public const string ReportQuartersCaption = "Sentiment score per quarter of the call, from -5 (negative) to +5 (positive)";
    public const string ReportTimelineTitle = "Timeline of the call";
    public const string ReportTimelineLegend = "Turns by participant, coloured by sentiment: green positive, red negative, amber mixed, grey neutral. Dashed grey boxes: non-talk time. Red marks: interruptions. Purple: points of interest of matched categories. Hover a mark for its time.";
    public const string ReportLoudnessTitle = "Loudness of each turn over the call, 0 to 100";
    public const string ReportLoudnessLegend = "Mean loudness score of each turn: blue the agent, orange the customer.";
    public const string ReportNoLoudness = "The transcript has no loudness scores.";

    public static string ReportBatchCaption(int calls)
        => Text($"{calls} calls. Sort by a column with its heading button; open a call with its name.");

    public static string ReportTimelineDescription(int turns, int gaps, int interruptions)
        => Text($"{turns} turns, {gaps} non-talk gaps and {interruptions} interruptions on one time axis; the turn list below gives the same turns as text.");

    public static string ReportTitle(string? jobName, int calls)
        => jobName is not null ? $"Call analytics: {jobName}" : Text($"Call analytics report: {calls} calls");

    public const string ReportAction = "Write a call analytics report";

    public static string ReportInputUnsupported(string? type)
        => $"Cannot report on a {type ?? "null"}: pipe call analytics jobs (Get-TranscribeJob -Kind CallAnalytics), their transcript files (Get-ChildItem *.json), or give their paths or S3 URIs.";

    public static string ReportNotCallAnalytics(string source)
        => $"'{source}' is not call analytics output, so it has no call figures to report. Pass the transcript of a call analytics job (Start-CallAnalyticsJob).";
}
