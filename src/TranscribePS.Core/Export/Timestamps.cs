using System.Globalization;

namespace TranscribePS.Core.Export;

/// <summary>Times as the export formats write them, from seconds, rounded to the millisecond.</summary>
internal static class Timestamps
{
    public static long Milliseconds(double seconds) => (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);

    /// <summary><c>01:02:03,456</c> (SubRip) or <c>01:02:03.456</c> (WebVTT): hours always, so any length fits.</summary>
    public static string Subtitle(double seconds, char fractionSeparator)
    {
        long ms = Milliseconds(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{fractionSeparator}{ms % 1000:000}");
    }

    /// <summary><c>01:02:03</c>: what a reader of a text transcript wants (seconds truncated).</summary>
    public static string Clock(double seconds)
    {
        long s = Milliseconds(seconds) / 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{s / 3600:00}:{s / 60 % 60:00}:{s % 60:00}");
    }
}
