namespace TranscribePS.Core.Media;

/// <summary>What a recording's header says about it, read once before any upload.</summary>
public sealed record MediaFacts
{
    /// <summary>The detected container, in the service's MediaFormat words (wav, flac, mp3, mp4, m4a, ogg, webm, amr); null when unrecognised.</summary>
    public string? Format { get; init; }
    public long SizeBytes { get; init; }
    /// <summary>Known for WAV and FLAC; null for compressed formats whose header does not state it.</summary>
    public TimeSpan? Duration { get; init; }
    public int? Channels { get; init; }
    public int? SampleRateHertz { get; init; }
    public int? BitsPerSample { get; init; }
}
