using TranscribePS.Core.Analytics;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Scribe;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The stable PSTypeNames of our output models. Core stays free of PowerShell, so the cmdlet layer inserts the
/// name when it writes the object; the format file's views select on these names.
/// </summary>
internal static class OutputTypeNames
{
    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(TranscriptionJob)] = "TranscribePS.TranscriptionJob",
        [typeof(TranscriptItem)] = "TranscribePS.TranscriptItem",
        [typeof(TranscriptTurn)] = "TranscribePS.TranscriptTurn",
        [typeof(CallAnalyticsInsight)] = "TranscribePS.CallAnalyticsInsight",
        [typeof(CallAnalyticsCategory)] = "TranscribePS.CallAnalyticsCategory",
        [typeof(CallAnalyticsRule)] = "TranscribePS.CallAnalyticsRule",
        [typeof(ClinicalNoteSection)] = "TranscribePS.ClinicalNoteSection",
        [typeof(ClinicalInsight)] = "TranscribePS.ClinicalInsight",
    };

    public static string? For(Type type) => Names.GetValueOrDefault(type);

    /// <summary>
    /// A variant name put before <see cref="For"/>'s, selecting a view of its own (PowerShell's <c>Type#Variant</c>
    /// convention): call analytics turns carry sentiment, which their view shows.
    /// </summary>
    public static string? VariantOf(object? value)
        => value is TranscriptTurn { Sentiment: not null } ? "TranscribePS.TranscriptTurn#CallAnalytics" : null;

    public static IReadOnlyDictionary<Type, string> All => Names;
}
