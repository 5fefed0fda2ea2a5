using System.Globalization;

namespace TranscribePS.Core.Scribe;

/// <summary>
/// One section of a HealthScribe clinical note (PSTypeName <c>TranscribePS.ClinicalNoteSection</c>), such as
/// CHIEF_COMPLAINT or PLAN: its summary sentences in the document's order, each with the transcript segments it cites.
/// </summary>
public sealed record ClinicalNoteSection
{
    private readonly TextList<ClinicalNoteSentence> _sentences = TextList<ClinicalNoteSentence>.None;
    private readonly TextList<ClinicalEvidence> _evidence = TextList<ClinicalEvidence>.None;

    public required string JobName { get; init; }

    /// <summary>The clinical document the section was read from (path or s3:// form).</summary>
    public required string SourceName { get; init; }

    /// <summary>0-based position of the section in the note.</summary>
    public required int Index { get; init; }

    /// <summary>The service's section name, e.g. <c>HISTORY_OF_PRESENT_ILLNESS</c>.</summary>
    public required string Section { get; init; }

    /// <summary>The summary sentences joined with spaces: the section as one paragraph.</summary>
    public required string Text { get; init; }

    /// <summary>The summary sentences in order; CSV writes their texts joined with "; ".</summary>
    public IReadOnlyList<ClinicalNoteSentence> Sentences { get => _sentences; init => _sentences = TextList.Of(value); }

    /// <summary>Every segment the section's sentences cite, each once, in the order first cited.</summary>
    public IReadOnlyList<ClinicalEvidence> Evidence { get => _evidence; init => _evidence = TextList.Of(value); }
}

/// <summary>One summary sentence (<c>SummarizedSegment</c>) and the transcript segments it came from (<c>EvidenceLinks</c>).</summary>
public sealed record ClinicalNoteSentence
{
    private readonly TextList<ClinicalEvidence> _evidence = TextList<ClinicalEvidence>.None;

    /// <summary>0-based position within its section.</summary>
    public required int Index { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<ClinicalEvidence> Evidence { get => _evidence; init => _evidence = TextList.Of(value); }

    public override string ToString() => Text;
}

/// <summary>
/// A transcript segment cited as evidence. Text, times and role come from the job's transcript; when that transcript
/// was not available only <see cref="SegmentId"/> is known.
/// </summary>
public sealed record ClinicalEvidence
{
    public required string SegmentId { get; init; }

    /// <summary>The participant: <c>CLINICIAN_0</c>, <c>PATIENT_0</c>, …</summary>
    public string? Role { get; init; }

    /// <summary>Seconds from the start of the recording.</summary>
    public double? StartTime { get; init; }

    public double? EndTime { get; init; }

    public string? Text { get; init; }

    /// <summary>The transcript section the segment was placed in: SUBJECTIVE, OBJECTIVE, ASSESSMENT_AND_PLAN or OTHER.</summary>
    public string? TranscriptSection { get; init; }

    /// <summary><c>CLINICIAN_0 [0.16-0.60]: Okay.</c>, or the segment ID alone when the transcript was not read.</summary>
    public override string ToString()
    {
        if (Text is null)
        {
            return SegmentId;
        }

        string times = StartTime is { } start
            ? string.Create(CultureInfo.InvariantCulture, $" [{start:0.00}-{EndTime ?? start:0.00}]")
            : string.Empty;
        return (Role ?? "?") + times + ": " + Text;
    }
}

/// <summary>
/// A clinical entity HealthScribe found in the conversation (PSTypeName <c>TranscribePS.ClinicalInsight</c>): a
/// medication, condition, test or anatomy term, with the segment it was said in.
/// </summary>
public sealed record ClinicalInsight
{
    private readonly TextList<ClinicalInsightAttribute> _attributes = TextList<ClinicalInsightAttribute>.None;

    public required string JobName { get; init; }

    public required string SourceName { get; init; }

    /// <summary>0-based position in the transcript's <c>ClinicalInsights</c>.</summary>
    public required int Index { get; init; }

    public string? InsightId { get; init; }

    /// <summary><c>ClinicalEntity</c> today.</summary>
    public string? InsightType { get; init; }

    /// <summary>E.g. MEDICAL_CONDITION, MEDICATION, TEST_TREATMENT_PROCEDURE, ANATOMY.</summary>
    public string? Category { get; init; }

    /// <summary>E.g. DX_NAME, GENERIC_NAME, TEST_NAME, SYSTEM_ORGAN_SITE.</summary>
    public string? Type { get; init; }

    /// <summary>The words of the entity as said (its spans joined with spaces).</summary>
    public required string Content { get; init; }

    /// <summary>The segment of the entity's first span.</summary>
    public string? SegmentId { get; init; }

    public string? Role { get; init; }

    public double? StartTime { get; init; }

    public double? EndTime { get; init; }

    /// <summary>The whole segment the entity was said in, when the transcript has it.</summary>
    public string? SegmentText { get; init; }

    /// <summary>Details of the entity such as a TEST_VALUE; CSV writes <c>TYPE=content</c> pairs.</summary>
    public IReadOnlyList<ClinicalInsightAttribute> Attributes { get => _attributes; init => _attributes = TextList.Of(value); }
}

/// <summary>An attribute of a clinical entity, e.g. <c>TEST_VALUE=high</c>.</summary>
public sealed record ClinicalInsightAttribute(string? Type, string Content)
{
    public override string ToString() => (Type ?? "?") + "=" + Content;
}
