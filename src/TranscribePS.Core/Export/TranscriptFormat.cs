namespace TranscribePS.Core.Export;

/// <summary>The documents a transcript exports to.</summary>
public enum TranscriptFormat
{
    /// <summary>SubRip subtitles (.srt).</summary>
    Srt,
    /// <summary>WebVTT subtitles (.vtt), the speaker as a voice span.</summary>
    Vtt,
    /// <summary>Plain text, one paragraph per turn with its time and speaker (.txt).</summary>
    Text,
    /// <summary>Markdown, a title and one paragraph per turn (.md).</summary>
    Markdown,
    /// <summary>A Word document (.docx).</summary>
    Docx,
}

/// <summary>File extensions of the formats, both ways.</summary>
public static class TranscriptFormats
{
    public static string Extension(TranscriptFormat format) => format switch
    {
        TranscriptFormat.Srt => ".srt",
        TranscriptFormat.Vtt => ".vtt",
        TranscriptFormat.Text => ".txt",
        TranscriptFormat.Markdown => ".md",
        TranscriptFormat.Docx => ".docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format a file name's extension names (<c>.srt</c>, <c>.vtt</c>, <c>.txt</c>, <c>.md</c>, <c>.docx</c>); null for any other.</summary>
    public static TranscriptFormat? FromPath(string path) => System.IO.Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".SRT" => TranscriptFormat.Srt,
        ".VTT" => TranscriptFormat.Vtt,
        ".TXT" => TranscriptFormat.Text,
        ".MD" or ".MARKDOWN" => TranscriptFormat.Markdown,
        ".DOCX" => TranscriptFormat.Docx,
        _ => null,
    };

    /// <summary>Whether the format is text (Docx is a binary package).</summary>
    public static bool IsText(TranscriptFormat format) => format != TranscriptFormat.Docx;
}
