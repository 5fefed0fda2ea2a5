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
}
