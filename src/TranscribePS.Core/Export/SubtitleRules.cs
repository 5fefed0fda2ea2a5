namespace TranscribePS.Core.Export;

/// <summary>
/// How words are cut into subtitle cues: the usual broadcast rules (at most two lines of 42 characters, at most seven
/// seconds on screen), a new cue at every change of speaker and at every pause, and a cue ended at a sentence's end
/// once it holds half a line.
/// </summary>
public sealed record SubtitleRules
{
    public int MaxLineLength { get; init; } = 42;
    public int MaxLines { get; init; } = 2;
    /// <summary>Seconds from a cue's first word's start to its last word's end.</summary>
    public double MaxDuration { get; init; } = 7.0;
    /// <summary>A silence at least this long (seconds) between two words starts a new cue.</summary>
    public double PauseGap { get; init; } = 1.0;

    public static SubtitleRules Default { get; } = new();
}

/// <summary>One subtitle: its number (from 1), times in seconds, who speaks, and its lines as shown.</summary>
public sealed record SubtitleCue(int Number, double Start, double End, string? Speaker, IReadOnlyList<string> Lines);
