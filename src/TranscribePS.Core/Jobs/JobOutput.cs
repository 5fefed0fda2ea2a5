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

    /// <summary>
    /// Where <paramref name="output"/> of <paramref name="job"/> is saved in <paramref name="folder"/>, or the problem
    /// that stops it. The job name must meet the service's rule (a name from a CSV or a hand-made object could carry
    /// <c>../</c> or an absolute path), and the resolved path must be a file directly inside the folder.
    /// </summary>
    public static (string? Path, PlanProblem? Problem) SavePath(string folder, TranscriptionJob job, JobOutput output)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(output);
        if (NameProblem(job) is { } problem)
        {
            return (null, problem);
        }

        var root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, output.FileName));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(System.IO.Path.GetDirectoryName(path), root, comparison)
            ? (path, null)
            : (null, new PlanProblem("OutputPathOutsideDestination", Messages.OutputPathOutsideDestination(output.FileName, root), PlanProblemCategory.InvalidArgument, job.JobName));
    }

    /// <summary>A job name that breaks the service's rule cannot name a local file (checked before any call).</summary>
    public static PlanProblem? NameProblem(TranscriptionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ServiceNames.IsJobName(job.JobName)
            ? null
            : new PlanProblem("InvalidJobName", Messages.SaveJobNameInvalid(job.JobName), PlanProblemCategory.InvalidArgument, job.JobName);
    }

    /// <summary>
    /// The extension of the object key (query strings of pre-signed links ignored), when it is a plain one of letters
    /// and digits; empty otherwise, so nothing from a URI but the extension itself reaches a local name.
    /// </summary>
    private static string Extension(string? uri)
    {
        var path = (uri ?? string.Empty).Split('?', 2)[0];
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var extension = dot <= 0 ? string.Empty : name[dot..];
        return extension.Length is >= 2 and <= 12 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : string.Empty;
    }
}
