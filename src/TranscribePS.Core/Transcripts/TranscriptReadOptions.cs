namespace TranscribePS.Core.Transcripts;

/// <summary>How transcript readers label what they read.</summary>
public sealed record TranscriptReadOptions
{
    /// <summary>Maps service labels (<c>spk_0</c>, <c>ch_1</c>, <c>AGENT</c>) to names a reader wants (-SpeakerName).</summary>
    public IReadOnlyDictionary<string, string> SpeakerNames { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A file that is not a transcript Core can read; the message names the file.</summary>
public sealed class TranscriptFormatException(string source, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The file path or URI that failed.</summary>
    public string SourceName { get; } = source;
}
