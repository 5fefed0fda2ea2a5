namespace TranscribePS.Core.Jobs;

/// <summary>What one output object of a job holds.</summary>
public enum JobOutputKind
{
    Transcript,
    UnredactedTranscript,
    ClinicalDocument,
    RedactedMedia,

    /// <summary>A standard job's subtitle file (.srt or .vtt).</summary>
    Subtitle,
}

/// <summary>
/// One output object of a job and its local file name: the job name plus what the file is, so the outputs of many
/// jobs can share one folder and a rerun writes the same names.
/// </summary>
/// <param name="Kind">What the object holds.</param>
/// <param name="Uri">Where the service wrote it: s3:// in the caller's bucket, or a pre-signed https link into the service's own bucket.</param>
/// <param name="FileName">The local name, such as <c>visit-a-3f2a.unredacted.json</c>.</param>
public sealed record JobOutput(JobOutputKind Kind, string Uri, string FileName)
{
    /// <summary>The one list of a job's outputs (Save-TranscribeOutput, Remove-TranscribeJob -IncludeOutput, the waiter).</summary>
    internal static IReadOnlyList<JobOutput> Of(TranscriptionJob job)
    {
        var outputs = new List<JobOutput>();
        Add(outputs, JobOutputKind.Transcript, job.TranscriptUri, ".json");
        Add(outputs, JobOutputKind.UnredactedTranscript, job.UnredactedTranscriptUri, ".unredacted.json");
        Add(outputs, JobOutputKind.ClinicalDocument, job.ClinicalDocumentUri, ".clinical-document.json");
        Add(outputs, JobOutputKind.RedactedMedia, job.RedactedMediaUri, ".redacted" + Extension(job.RedactedMediaUri));
        foreach (var subtitle in job.SubtitleUris)
        {
            Add(outputs, JobOutputKind.Subtitle, subtitle, Extension(subtitle));
        }

        return outputs;

        void Add(List<JobOutput> list, JobOutputKind kind, string? uri, string suffix)
        {
            if (!string.IsNullOrEmpty(uri))
            {
                list.Add(new JobOutput(kind, uri, job.JobName + suffix));
            }
        }
    }

    /// <summary>The extension of the object key (query strings of pre-signed links ignored); empty when none.</summary>
    private static string Extension(string? uri)
    {
        var path = (uri ?? string.Empty).Split('?', 2)[0];
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }
}
