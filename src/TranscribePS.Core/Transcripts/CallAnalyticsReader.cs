namespace TranscribePS.Core.Transcripts;

/// <summary>Reads Call Analytics output (PascalCase, milliseconds, Transcript[] turns) as items and turns.</summary>
public static class CallAnalyticsReader
{
    /// <summary>Items of every turn, in time order across participants; times converted from ms to seconds.</summary>
    public static IAsyncEnumerable<TranscriptItem> ReadItemsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => throw new NotSupportedException("Call analytics reading lands with the call analytics readers.");

    /// <summary>The file's own turns, with participant, sentiment, loudness and issue/outcome/action-item spans.</summary>
    public static IAsyncEnumerable<TranscriptTurn> ReadTurnsAsync(Stream utf8Json, string fallbackJobName, TranscriptReadOptions options, CancellationToken cancellationToken)
        => throw new NotSupportedException("Call analytics reading lands with the call analytics readers.");
}
