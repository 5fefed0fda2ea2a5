namespace TranscribePS.Core.Aws.Model;

// Shapes shared by several job kinds. Open value sets (language codes, media formats, PII entity types, note
// templates) stay strings so a value the service adds later never breaks reading a response.

public sealed record Tag
{
    public required string Key { get; init; }
    public required string Value { get; init; }
}

/// <summary>The input recording; <see cref="RedactedMediaFileUri"/> is where call analytics writes redacted audio.</summary>
public sealed record Media
{
    public string? MediaFileUri { get; init; }
    public string? RedactedMediaFileUri { get; init; }
}

/// <summary>
/// Output of standard and call analytics jobs. With call analytics PII redaction, <see cref="RedactedTranscriptFileUri"/>
/// holds the redacted transcript and <see cref="TranscriptFileUri"/> the unredacted one (present only for
/// <c>redacted_and_unredacted</c>).
/// </summary>
public sealed record JobTranscript
{
    public string? TranscriptFileUri { get; init; }
    public string? RedactedTranscriptFileUri { get; init; }
}

public enum RedactionType
{
    [WireValue("PII")] Pii,
}

public enum RedactionOutput
{
    [WireValue("redacted")] Redacted,
    [WireValue("redacted_and_unredacted")] RedactedAndUnredacted,
}

public sealed record ContentRedaction
{
    public RedactionType RedactionType { get; init; } = RedactionType.Pii;
    public required RedactionOutput RedactionOutput { get; init; }

    /// <summary>BANK_ACCOUNT_NUMBER, NAME, SSN, … or ALL; omitted means all.</summary>
    public IReadOnlyList<string>? PiiEntityTypes { get; init; }
}

public enum VocabularyFilterMethod
{
    [WireValue("remove")] Remove,
    [WireValue("mask")] Mask,
    [WireValue("tag")] Tag,
}

public enum OutputLocationType
{
    [WireValue("CUSTOMER_BUCKET")] CustomerBucket,
    [WireValue("SERVICE_BUCKET")] ServiceBucket,
}

public sealed record LanguageIdSettings
{
    public string? VocabularyName { get; init; }
    public string? VocabularyFilterName { get; init; }
    public string? LanguageModelName { get; init; }
}

public sealed record LanguageCodeItem
{
    public string? LanguageCode { get; init; }
    public float? DurationInSeconds { get; init; }
}

public sealed record ModelSettings
{
    public string? LanguageModelName { get; init; }
}

/// <summary>Lets the service queue a job over the concurrency quota instead of refusing it.</summary>
public sealed record JobExecutionSettings
{
    public bool? AllowDeferredExecution { get; init; }
    public string? DataAccessRoleArn { get; init; }
}

public enum SubtitleFormat
{
    [WireValue("vtt")] Vtt,
    [WireValue("srt")] Srt,
}

public sealed record Subtitles
{
    public IReadOnlyList<SubtitleFormat>? Formats { get; init; }
    public int? OutputStartIndex { get; init; }
}

public sealed record SubtitlesOutput
{
    public IReadOnlyList<SubtitleFormat>? Formats { get; init; }
    public IReadOnlyList<string>? SubtitleFileUris { get; init; }
    public int? OutputStartIndex { get; init; }
}

public sealed record ToxicityDetectionSettings
{
    /// <summary>Only <c>ALL</c> exists today.</summary>
    public required IReadOnlyList<string> ToxicityCategories { get; init; }
}
