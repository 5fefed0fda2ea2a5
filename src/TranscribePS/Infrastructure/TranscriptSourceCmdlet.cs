using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The inputs the transcript cmdlets share: finished jobs (output downloaded with the same credentials), local
/// files (-Path/-LiteralPath, no AWS needed) and URIs. Each source is read on its own; one that fails gives one
/// error naming it and the others go on.
/// </summary>
public abstract class TranscriptSourceCmdlet : TranscriptReadingCmdlet
{
    private protected const string JobSet = "Job";
    private protected const string PathSet = "Path";
    private protected const string LiteralPathSet = "LiteralPath";
    private protected const string UriSet = "Uri";

    [Parameter(ParameterSetName = JobSet, Mandatory = true, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    // As Get-Content and Import-Csv declare them: a piped file binds -LiteralPath through its PSPath, piped strings
    // bind -Path. Binding FullName here too made a FileInfo match both sets (AmbiguousParameterSet).
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    public string[]? Path { get; set; }

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LP", "PSPath")]
    public string[]? LiteralPath { get; set; }

    [Parameter(ParameterSetName = UriSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TranscriptFileUri")]
    public string[]? Uri { get; set; }

    [Parameter(ParameterSetName = JobSet)]
    public SwitchParameter Unredacted { get => UnredactedOn; set => UnredactedOn = value.IsPresent; }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            await ReadJobAsync(job, cancellationToken).ConfigureAwait(false);
        }

        foreach (var uri in Uri ?? [])
        {
            await ReadUriAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (path, literal) in (Path ?? []).Select(p => (p, false)).Concat((LiteralPath ?? []).Select(p => (p, true))))
        {
            await ReadPathAsync(path, literal, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Reading transcripts from where they are (a job's output where the job lives, an S3 URI, a local file), each with
/// its own errors, for the cmdlets that take transcripts in; the parameters that name them are the subclass's.
/// </summary>
public abstract class TranscriptReadingCmdlet : AwsCmdlet
{
    internal bool UnredactedOn { get; set; }

    /// <summary>Local files need no credentials or region, so AWS settings are read only when a job or URI comes.</summary>
    private protected override bool ResolveAwsOnBegin => false;

    /// <summary>Reads one transcript and writes what the cmdlet emits.</summary>
    private protected abstract Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken);

    /// <summary>The output file a job is read from: its transcript, or with -Unredacted the unredacted one.</summary>
    private protected virtual string? JobOutputUri(TranscriptionJob job) => UnredactedOn ? job.UnredactedTranscriptUri : job.TranscriptUri;

    /// <summary>The error for a job that has no output to read (not finished, or not the kind of output asked for).</summary>
    private protected virtual CommandError MissingJobOutput(TranscriptionJob job) => CommandErrors.NoTranscript(job, UnredactedOn);

    /// <summary>
    /// Opens a local file or an S3 URI, as the sources themselves are opened (a companion file, for instance); an
    /// object a job wrote is read where the job lives. A local file is read inline, so its items stream on the
    /// pipeline thread without a queue hop each.
    /// </summary>
    private protected Task<Stream> OpenAsync(string location, TranscriptionJob? job, CancellationToken cancellationToken)
        => location.Contains("://", StringComparison.Ordinal)
            ? Aws.OpenReadAsync(location, job, cancellationToken)
            : Task.FromResult<Stream>(new InlineFileStream(location));

    /// <summary>Reads an S3 URI (or pre-signed link) given directly.</summary>
    private protected Task ReadUriAsync(string uri, CancellationToken cancellationToken)
        => ReadSourceAsync(new SourcePlace(S3Location.SafeName(uri), uri, null), uri, cancellationToken);

    /// <summary>Reads the files a -Path (wildcards) or -LiteralPath value names, each on its own.</summary>
    private protected async Task ReadPathAsync(string path, bool literal, CancellationToken cancellationToken)
    {
        var resolved = await Shell.ResolvePathAsync(path, literal).ConfigureAwait(false);
        if (resolved.Error is not null)
        {
            Shell.WriteError(resolved.Error);
        }

        foreach (var file in resolved.Paths)
        {
            await ReadSourceAsync(new SourcePlace(file, file, null), file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads what an object piped to -InputObject names: a job, a file, an S3 URI or a path. A job or a URI is read only
    /// when <paramref name="confirm"/> (given its job name and the object) agrees; a file or path is confirmed per file
    /// by <see cref="ReadAsync"/> itself. False for anything else, which the caller reports.
    /// </summary>
    private protected async Task<bool> ReadPipedAsync(object? input, Func<string, object, Task<bool>> confirm, CancellationToken cancellationToken)
    {
        switch (input)
        {
            case TranscriptionJob job:
                if (await confirm(job.JobName, job).ConfigureAwait(false))
                {
                    await ReadJobAsync(job, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case FileInfo file:
                await ReadPathAsync(file.FullName, literal: true, cancellationToken).ConfigureAwait(false);
                return true;
            case string uri when uri.Contains("://", StringComparison.Ordinal):
                if (await confirm(TranscriptReader.JobNameFromSource(uri), uri).ConfigureAwait(false))
                {
                    await ReadUriAsync(uri, cancellationToken).ConfigureAwait(false);
                }

                return true;
            case string path:
                await ReadPathAsync(path, literal: false, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a finished job's output where the job lives; a job without one is an error of its own.</summary>
    private protected async Task ReadJobAsync(TranscriptionJob job, CancellationToken cancellationToken)
    {
        try
        {
            // List results carry no output locations: read the job once more to get them.
            var current = job.TranscriptUri is null ? await Aws.For(job).Jobs.GetAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false) : job;
            var uri = JobOutputUri(current);
            if (current.Status != JobStatus.Completed || uri is null)
            {
                Shell.WriteError(MissingJobOutput(current));
                return;
            }

            await ReadSourceAsync(new SourcePlace(S3Location.SafeName(uri), uri, current), job, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, job);
        }
    }

    private async Task ReadSourceAsync(SourcePlace place, object target, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await OpenAsync(place.Location, place.Job, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await ReadAsync(new TranscriptSource(stream, place.Name, place.Location, place.Job), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TranscriptFormatException or AwsServiceException or IOException or UnauthorizedAccessException or FormatException)
        {
            // A job's output that cannot be read is the job's problem: the error names the job and what to do.
            WriteReadError(place.Job is { } job ? JobOutputFailure.Describe(job, place.Name, ex) : ex, place.Name, target);
        }
    }

    private void WriteReadError(Exception failure, string sourceName, object target)
    {
        switch (failure)
        {
            case TranscriptFormatException:
                Shell.WriteError(new CommandError(failure, "NotATranscript", ErrorCategory.InvalidData, target));
                break;
            case AwsServiceException service:
                WriteServiceError(service, target);
                break;
            case FileNotFoundException or DirectoryNotFoundException:
                Shell.WriteError(CommandErrors.PathNotFound(sourceName, failure));
                break;
            case IOException or UnauthorizedAccessException:
                Shell.WriteError(new CommandError(failure, "TranscriptReadFailed", ErrorCategory.ReadError, target));
                break;
            default:
                Shell.WriteError(new CommandError(failure, "InvalidTranscriptUri", ErrorCategory.InvalidArgument, target));
                break;
        }
    }

    private protected TranscriptReadOptions ReadOptions(System.Collections.Hashtable? speakerNames)
        => new() { SpeakerNames = Hashtables.ToStringMap(speakerNames, StringComparer.OrdinalIgnoreCase) };
}

/// <summary>One transcript being read: the open file, its name for messages, where it is, and the job it came from.</summary>
/// <param name="Json">The file, open for reading.</param>
/// <param name="Name">The path, or the URI's s3:// form (never a pre-signed link's query), for messages and outputs.</param>
/// <param name="Location">The path or URI as opened, for finding files beside it.</param>
/// <param name="Job">The job the file was reached through; null for paths and URIs given directly.</param>
internal sealed record TranscriptSource(Stream Json, string Name, string Location, TranscriptionJob? Job);

/// <summary>Where a source is, before it is opened.</summary>
internal sealed record SourcePlace(string Name, string Location, TranscriptionJob? Job);
