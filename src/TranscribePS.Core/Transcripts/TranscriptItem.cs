using TranscribePS.Core.Transcripts;

namespace TranscribePS;

/// <summary>One word or punctuation mark of a transcript.</summary>
/// <remarks>
/// Declared in the <c>TranscribePS</c> namespace so that its .NET name is its PSTypeName (<c>TranscribePS.TranscriptItem</c>,
/// which the format file's views select): a transcript has tens of thousands of items, and the cmdlets write each one
/// as it is, without the PSObject wrapper and type-name insert (about 5 µs an item) other output types need.
/// </remarks>
public sealed record TranscriptItem
{
    /// <summary>The job the transcript belongs to (from <c>jobName</c>/<c>JobName</c> in the file, else the file name).</summary>
    public required string JobName { get; init; }
    /// <summary>0-based position in reading order (after channels are merged by time).</summary>
    public required int Index { get; init; }
    public required TranscriptItemType Type { get; init; }
    public required string Content { get; init; }
    /// <summary>Null for punctuation and for redacted words.</summary>
    public double? Confidence { get; init; }
    /// <summary>Seconds from the start of the recording; null for punctuation, which carries no time.</summary>
    public double? StartTime { get; init; }
    public double? EndTime { get; init; }
    /// <summary>The service's label: <c>spk_0</c>…, or for call analytics <c>AGENT</c>/<c>CUSTOMER</c>.</summary>
    public string? Speaker { get; init; }
    /// <summary>The label mapped through -SpeakerName; equals <see cref="Speaker"/> when no mapping applies.</summary>
    public string? SpeakerName { get; init; }
    /// <summary><c>ch_0</c>/<c>ch_1</c> for channel-identified transcripts.</summary>
    public string? Channel { get; init; }
    public bool IsRedacted { get; init; }
    /// <summary>True when the word lies inside a PHI entity of a medical transcript (<c>results.entities</c>).</summary>
    public bool IsPhi { get; init; }
    /// <summary>The PHI entity's category, e.g. <c>PHI</c>, when <see cref="IsPhi"/>.</summary>
    public string? PhiCategory { get; init; }
}
