using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Scribe;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Transcripts;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>
/// The clinical note of HealthScribe jobs, one object per section; with -Insight the clinical insights instead, so
/// that each call emits one type (one table, one CSV shape).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ClinicalNote", DefaultParameterSetName = JobSet)]
[OutputType(typeof(ClinicalNoteSection), typeof(ClinicalInsight))]
public sealed class GetClinicalNoteCommand : TranscriptSourceCmdlet
{
    [Parameter]
    public SwitchParameter Insight { get => InsightOn; set => InsightOn = value.IsPresent; }

    internal bool InsightOn { get; set; }

    /// <summary>HealthScribe output is never redacted, so the inherited -Unredacted has nothing to select.</summary>
    private protected override void CheckParameters()
    {
        if (UnredactedOn)
        {
            throw new TerminatingCommandException(CommandErrors.InvalidParameters(Messages.UnredactedNotForClinicalNote, "UnredactedNotApplicable"));
        }
    }

    private protected override string? JobOutputUri(TranscriptionJob job) => InsightOn ? job.TranscriptUri : job.ClinicalDocumentUri;

    private protected override CommandError MissingJobOutput(TranscriptionJob job)
        => job.Kind == JobKind.Scribe
            ? base.MissingJobOutput(job)
            : new CommandError(new InvalidOperationException(Messages.NoClinicalNote(job.JobName, job.Kind.ToString())), "ClinicalNoteNotAvailable", ErrorCategory.InvalidOperation, job);

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        if (InsightOn)
        {
            await foreach (var insight in ClinicalNoteReader.ReadInsightsAsync(source.Json, source.Name, source.Job?.JobName, cancellationToken).ConfigureAwait(false))
            {
                Shell.WriteObject(insight);
            }

            return;
        }

        var (transcript, missing) = await ReadTranscriptAsync(source, cancellationToken).ConfigureAwait(false);
        var jobName = source.Job?.JobName ?? transcript?.JobName ?? ClinicalNoteReader.JobNameFromDocument(source.Location);
        await foreach (var section in ClinicalNoteReader.ReadSectionsAsync(source.Json, source.Name, jobName, transcript, cancellationToken).ConfigureAwait(false))
        {
            // Warned only once the file proves to be a clinical document: a wrong file gets its error alone.
            if (missing is not null)
            {
                Shell.WriteWarning(missing);
                missing = null;
            }

            Shell.WriteObject(section);
        }
    }

    /// <summary>
    /// The job's transcript, or the one beside a document given by path or URI; without it, the warning to give
    /// (the sections then cite segment IDs only).
    /// </summary>
    private async Task<(ScribeTranscript? Transcript, string? Missing)> ReadTranscriptAsync(TranscriptSource document, CancellationToken cancellationToken)
    {
        var location = document.Job?.TranscriptUri ?? ClinicalNoteReader.TranscriptBeside(document.Location);
        if (location is null)
        {
            return (null, Messages.ClinicalNoteTranscriptMissing(document.Name, null));
        }

        var name = S3Location.SafeName(location);
        try
        {
            var stream = await OpenAsync(location, document.Job, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return (await ClinicalNoteReader.ReadTranscriptAsync(stream, name, cancellationToken).ConfigureAwait(false), null);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException || ex is AwsServiceException { Kind: AwsErrorKind.NotFound })
        {
            return (null, Messages.ClinicalNoteTranscriptMissing(document.Name, null));
        }
        catch (Exception ex) when (ex is TranscriptFormatException or AwsServiceException or IOException or UnauthorizedAccessException)
        {
            return (null, Messages.ClinicalNoteTranscriptMissing(document.Name, name));
        }
    }
}
