using System.Globalization;

namespace TranscribePS.Core;

public static partial class Messages
{
    /// <summary>
    /// Every message formats its numbers, times and dates one way, invariant, whatever the session's culture: a log
    /// of a scheduled task reads the same on every server, and a test can pin the text.
    /// </summary>
    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
