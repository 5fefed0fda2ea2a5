using System.Globalization;
using System.Text.RegularExpressions;

namespace TranscribePS.Core;

public static partial class Messages
{
    /// <summary>
    /// Every message formats its numbers, times and dates one way, invariant, whatever the session's culture: a log
    /// of a scheduled task reads the same on every server, and a test can pin the text.
    /// </summary>
    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text from elsewhere (a service message, a failure reason, an exception's message) as one sentence ending in
    /// exactly one full stop, however it ended, so no message shows ".." or runs two sentences together.
    /// </summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim().TrimEnd('.').TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '?' or '!' ? trimmed : trimmed + ".";
    }

    /// <summary>
    /// A JSON reader's or serializer's message without its position suffix ("Path: $.x | LineNumber: 0 |
    /// BytePositionInLine: 742."): counted from 0 and in .NET's words; the message gives the position its own way.
    /// </summary>
    private static string JsonDetail(string detail) => Sentence(JsonPosition().Replace(detail, string.Empty));

    [GeneratedRegex(@"\s*(Path: [^|]*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex JsonPosition();
}
