using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Export;

/// <summary>Items as a transcript reader gives them, for the exporter tests.</summary>
internal static class ExportTestData
{
    public static TranscriptItem W(string content, double start, double? end = null, string? speaker = "spk_0", string job = "job-1", bool redacted = false, string? name = null)
        => new()
        {
            JobName = job,
            Index = 0,
            Type = TranscriptItemType.Pronunciation,
            Content = content,
            Confidence = redacted ? null : 0.9,
            StartTime = start,
            EndTime = end ?? start + 0.3,
            Speaker = speaker,
            SpeakerName = name ?? speaker,
            IsRedacted = redacted,
        };

    public static TranscriptItem P(string mark, string? speaker = "spk_0", string job = "job-1")
        => new() { JobName = job, Index = 0, Type = TranscriptItemType.Punctuation, Content = mark, Speaker = speaker, SpeakerName = speaker };

    /// <summary>A steady talker: <paramref name="count"/> words of one speaker, one every 0.4 s, a full stop every ten.</summary>
    public static IEnumerable<TranscriptItem> Speech(int count, double start = 0, string speaker = "spk_0", string word = "word")
    {
        for (int i = 0; i < count; i++)
        {
            yield return W(word + i, start + i * 0.4, start + i * 0.4 + 0.35, speaker);
            if (i % 10 == 9)
            {
                yield return P(".", speaker);
            }
        }
    }
}
