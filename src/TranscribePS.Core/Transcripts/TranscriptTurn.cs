using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace TranscribePS.Core.Transcripts;

/// <summary>Plain ConvertTo-Json writes the name ("Pronunciation"), as Export-Csv does (see <see cref="Jobs.JobKind"/>).</summary>
[JsonConverter(typeof(StringEnumConverter))]
public enum TranscriptItemType
{
    Pronunciation,
    Punctuation,
}

/// <summary>Consecutive items of one speaker (PSTypeName <c>TranscribePS.TranscriptTurn</c>).</summary>
public sealed record TranscriptTurn
{
    private readonly TextList<string> _issues = TextList<string>.None;
    private readonly TextList<string> _outcomes = TextList<string>.None;
    private readonly TextList<string> _actionItems = TextList<string>.None;

    public required string JobName { get; init; }
    public required int Index { get; init; }
    public string? Speaker { get; init; }
    public string? SpeakerName { get; init; }
    /// <summary>Call analytics: <c>Agent</c> or <c>Customer</c>.</summary>
    public string? Participant { get; init; }
    public string? Channel { get; init; }
    public double? StartTime { get; init; }
    public double? EndTime { get; init; }
    /// <summary>Words joined with spaces, punctuation attached to the word before it.</summary>
    public required string Text { get; init; }
    public int WordCount { get; init; }
    /// <summary>Mean confidence of the words that carry one; null when none does.</summary>
    public double? Confidence { get; init; }
    /// <summary>Call analytics: POSITIVE, NEGATIVE, NEUTRAL or MIXED.</summary>
    public string? Sentiment { get; init; }
    /// <summary>Call analytics: mean of the non-null loudness scores.</summary>
    public double? Loudness { get; init; }
    /// <summary>Held as <see cref="TextList{T}"/> (whatever is assigned), so Export-Csv writes the texts, not a type name.</summary>
    public IReadOnlyList<string> Issues { get => _issues; init => _issues = TextList.Of(value); }
    public IReadOnlyList<string> Outcomes { get => _outcomes; init => _outcomes = TextList.Of(value); }
    public IReadOnlyList<string> ActionItems { get => _actionItems; init => _actionItems = TextList.Of(value); }
    public bool IsRedacted { get; init; }
}
