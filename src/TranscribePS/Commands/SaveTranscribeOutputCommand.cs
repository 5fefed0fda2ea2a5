using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>
/// Downloads the outputs of up to -ThrottleLimit jobs at once, in the background: the pipeline hands on the next job
/// (from a wait still running, say) while earlier ones download, and each file is emitted as it is written.
/// </summary>
[Cmdlet(VerbsData.Save, "TranscribeOutput", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveTranscribeOutputCommand : AwsCmdlet
{
    /// <summary>Jobs whose outputs download at once unless -ThrottleLimit says otherwise.</summary>
    internal const int DefaultThrottleLimit = 10;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public TranscriptionJob[]? InputObject { get; set; }

    [Parameter(Position = 1)]
    public string? Destination { get; set; }

    [Parameter]
    public SwitchParameter Force { get => ForceOn; set => ForceOn = value.IsPresent; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    internal bool ForceOn { get; set; }

    private string _folder = string.Empty;
    private SemaphoreSlim? _slots;

    /// <summary>One writer a path at a time: the same job piped twice is saved, or refused as existing, in turn.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _paths =
        new(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private protected override async Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        _slots = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        if (Destination is null)
        {
            _folder = await Shell.CurrentDirectoryAsync().ConfigureAwait(false);
            return;
        }

        var resolved = await Shell.ResolvePathAsync(Destination, literal: true).ConfigureAwait(false);
        _folder = resolved.Error is null ? resolved.Paths[0] : throw new TerminatingCommandException(resolved.Error);
        if (File.Exists(_folder))
        {
            throw new TerminatingCommandException(new CommandError(new IOException(Messages.DestinationNotFolder(_folder)), "DestinationNotFolder", ErrorCategory.InvalidArgument, Destination));
        }
    }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var job in InputObject ?? [])
        {
            if (JobOutput.NameProblem(job) is { } nameProblem)
            {
                Shell.WriteError(ErrorMapping.ToError(nameProblem) with { Target = job });
                continue;
            }

            // Waits while -ThrottleLimit jobs are downloading: the pipeline goes on once one of them is done.
            await _slots!.WaitAsync(cancellationToken).ConfigureAwait(false);
            StartBackground(async token =>
            {
                try
                {
                    await SaveJobAsync(job, token).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            });
        }
    }

    private async Task SaveJobAsync(TranscriptionJob job, CancellationToken cancellationToken)
    {
        try
        {
            // List results carry no output locations: read the job once more to get them.
            var current = job.TranscriptUri is null ? await Aws.For(job).Jobs.GetAsync(job.Kind, job.JobName, cancellationToken).ConfigureAwait(false) : job;
            var files = current.Outputs();
            if (files.Count == 0)
            {
                Shell.WriteError(CommandErrors.NoTranscript(current, unredacted: false));
                return;
            }

            foreach (var file in files)
            {
                var (path, problem) = JobOutput.SavePath(_folder, current, file);
                if (problem is not null)
                {
                    Shell.WriteError(ErrorMapping.ToError(problem) with { Target = job });
                    continue;
                }

                var gate = _paths.GetOrAdd(path!, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await SaveAsync(file, path!, job, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(ex, job);
        }
    }

    private async Task SaveAsync(JobOutput file, string path, TranscriptionJob job, CancellationToken cancellationToken)
    {
        if (!await Shell.ShouldProcessAsync(path, Messages.SaveOutputAction(S3Location.SafeName(file.Uri))).ConfigureAwait(false))
        {
            return;
        }

        if (Directory.Exists(path))
        {
            Shell.WriteError(new CommandError(new IOException(Messages.OutputPathIsFolder(path)), "OutputPathIsFolder", ErrorCategory.WriteError, path));
            return;
        }

        if (File.Exists(path) && !ForceOn)
        {
            Shell.WriteError(CommandErrors.FileExists(path));
            return;
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await Aws.DownloadAsync(file.Uri, job, path, cancellationToken).ConfigureAwait(false);
            Shell.WriteFile(path);
        }
        catch (AwsServiceException ex)
        {
            WriteServiceError(JobOutputFailure.Describe(job, file.Uri, ex), job);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Shell.WriteError(new CommandError(ex, "OutputWriteFailed", ErrorCategory.WriteError, path));
        }
    }
}
