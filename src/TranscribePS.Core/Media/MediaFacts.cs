namespace TranscribePS.Core.Media;

/// <summary>What a recording's header says about it, read once before any upload.</summary>
public sealed record MediaFacts
{
    /// <summary>The detected container, in the service's MediaFormat words (wav, flac, mp3, mp4, m4a, ogg, webm, amr); null when unrecognised.</summary>
    public string? Format { get; init; }
    public long SizeBytes { get; init; }
    /// <summary>What the header declares; known for WAV and FLAC; null for compressed formats whose header does not state it.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// The audio the file really holds when that is less than its header declares (a WAV whose data chunk runs past
    /// the end of the file: a copy or recording that did not finish); null when the file is whole or this is unknown.
    /// </summary>
    public TimeSpan? PresentDuration { get; init; }
    public int? Channels { get; init; }
    public int? SampleRateHertz { get; init; }
    public int? BitsPerSample { get; init; }
}
