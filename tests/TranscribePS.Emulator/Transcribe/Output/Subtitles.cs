using System.Globalization;
using System.Text;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Transcribe.Output;

/// <summary>
/// WebVTT and SubRip files for standard jobs that ask for subtitles: one cue per turn, numbered from the requested
/// start index; with PII redaction the cues show [PII] as the transcript does (the service documents both).
/// </summary>
internal static class Subtitles
{
    public static string Render(Conversation conversation, string format, int startIndex, bool redact)
    {
        bool vtt = format == "vtt";
        var text = new StringBuilder();
        if (vtt)
        {
            text.Append("WEBVTT\n\n");
        }

        int index = startIndex;
        foreach (var turn in conversation.Turns)
        {
            text.Append(index++.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append(Time(turn.BeginMs, vtt)).Append(" --> ").Append(Time(turn.EndMs, vtt)).Append('\n')
                .Append(turn.Text(w => redact && w.PiiSpan > 0 ? "[PII]" : w.Text)).Append("\n\n");
        }

        return text.ToString();
    }

    private static string Time(long milliseconds, bool vtt)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        string separator = vtt ? "." : ",";
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{separator}{time.Milliseconds:000}");
    }
}
