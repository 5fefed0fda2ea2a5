using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>One output object of a job and the local file name Save-TranscribeOutput gives it.</summary>
internal sealed record OutputFile(string Uri, string FileName);

/// <summary>
/// Local names for a job's outputs: the job name plus what the file is, so the outputs of many jobs can share one
/// folder and a rerun writes the same names.
/// </summary>
internal static class OutputFiles
{
    public static IReadOnlyList<OutputFile> For(TranscriptionJob job)
    {
        var files = new List<OutputFile>();
        Add(files, job.TranscriptUri, job.JobName + ".json");
        Add(files, job.UnredactedTranscriptUri, job.JobName + ".unredacted.json");
        Add(files, job.ClinicalDocumentUri, job.JobName + ".clinical-document.json");
        if (job.RedactedMediaUri is { Length: > 0 } media)
        {
            Add(files, media, job.JobName + ".redacted" + Extension(media));
        }

        foreach (var subtitle in job.SubtitleUris)
        {
            Add(files, subtitle, job.JobName + Extension(subtitle));
        }

        return files;
    }

    private static void Add(List<OutputFile> files, string? uri, string fileName)
    {
        if (!string.IsNullOrEmpty(uri))
        {
            files.Add(new OutputFile(uri, fileName));
        }
    }

    /// <summary>The extension of the object key (query strings of pre-signed links ignored); empty when none.</summary>
    private static string Extension(string uri)
    {
        var path = uri.Split('?', 2)[0];
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }
}
