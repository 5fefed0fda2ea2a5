namespace TranscribePS.Core;

/// <summary>Messages about HealthScribe output: clinical documents, their transcripts and Get-ClinicalNote's inputs.</summary>
public static partial class Messages
{
    public static string ScribeTranscriptNotDocument(string source)
        => $"'{source}' is a HealthScribe transcript, not a clinical document. Pass the job's clinical document (the file at ClinicalDocumentUri, named summary.json by the service), pipe the job itself, or add -Insight to read the transcript's clinical insights.";

    public static string ScribeDocumentNotTranscript(string source)
        => $"'{source}' is a HealthScribe clinical document, not a transcript. Clinical insights are in the job's transcript (the file at TranscriptFileUri, named transcript.json by the service); pass that file, or pipe the job itself.";

    public static string NotClinicalDocument(string source)
        => $"'{source}' is not a HealthScribe clinical document: it has no top-level 'ClinicalDocumentation'. Pass the file at the job's ClinicalDocumentUri, or pipe the job itself.";

    public static string NotScribeTranscript(string source)
        => $"'{source}' is not a HealthScribe transcript: it has no top-level 'Conversation'. Pass the file at the HealthScribe job's TranscriptFileUri, or pipe the job itself.";

    public const string UnredactedNotForClinicalNote
        = "-Unredacted does not apply to Get-ClinicalNote: HealthScribe output is never redacted. Leave -Unredacted out.";

    public static string NoClinicalNote(string jobName, string kind)
        => $"Job '{jobName}' is a {kind} job; clinical notes come only from HealthScribe jobs. Start one with Start-MedicalScribeJob, or read this job with Get-TranscriptTurn.";

    public static string ClinicalNoteTranscriptMissing(string document, string? transcript)
        => transcript is null
            ? $"No transcript was found beside '{document}', so its sections cite segment IDs only. Pipe the HealthScribe job itself, or save both of its files with Save-TranscribeOutput and read the .clinical-document.json."
            : $"The transcript '{transcript}' beside '{document}' could not be read, so its sections cite segment IDs only. Pipe the HealthScribe job itself, or save both of its files with Save-TranscribeOutput and read the .clinical-document.json.";
}
