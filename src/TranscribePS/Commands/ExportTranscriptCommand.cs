using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Export;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>
/// Writes transcripts as subtitle files or documents: -Path is the file, or a folder that receives
/// <c>&lt;job name&gt;.&lt;extension&gt;</c> per transcript. The format comes from -Format or the file's extension.
/// </summary>
[Cmdlet(VerbsData.Export, "Transcript", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportTranscriptCommand : TranscriptExportCmdlet
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private string _path = string.Empty;
    private bool _isFolder;
    private TranscriptFormat _format;

    [Parameter(Mandatory = true, Position = 0)]
    public string? Path { get; set; }

    [Parameter]
    public TranscriptFormat? Format { get; set; }

    private protected override TranscriptFormat ExportFormat => _format;

    private protected override async Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        var resolved = await Shell.ResolvePathAsync(Path!, literal: true).ConfigureAwait(false);
        _path = resolved.Error is null ? resolved.Paths[0] : throw new TerminatingCommandException(resolved.Error);
        _isFolder = Directory.Exists(_path);
        _format = Format
            ?? (_isFolder ? null : TranscriptFormats.FromPath(_path))
            ?? throw new TerminatingCommandException(CommandErrors.InvalidParameters(
                _isFolder ? Messages.ExportFolderNeedsFormat(_path) : Messages.ExportFormatUnknown(_path), "ExportFormatUnknown", Path));
    }

    private protected override async Task<bool> ConfirmAsync(string jobName, object target)
    {
        var file = FileFor(jobName);
        if (_written.Contains(file))
        {
            Shell.WriteError(new CommandError(new InvalidOperationException(Messages.ExportPathInUse(file, jobName)), "ExportPathInUse", ErrorCategory.ResourceExists, target));
            return false;
        }

        if (!await Shell.ShouldProcessAsync(file, Messages.ExportAction(_format, jobName)).ConfigureAwait(false))
        {
            return false;
        }

        _written.Add(file);
        return true;
    }

    private protected override ExportTarget? Open(TranscriptExportOptions document, object target)
    {
        var file = FileFor(document.Title);
        FileStream? stream = null;
        try
        {
            stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
            return new FileTarget(file, stream, TranscriptWriter.ForStream(_format, stream, document));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            Shell.WriteError(new CommandError(ex, "OutputWriteFailed", ErrorCategory.WriteError, target));
            return null;
        }
    }

    /// <summary>A job name made safe as a file name (the service allows only letters, digits, . _ -, but a file names its own).</summary>
    private string FileFor(string jobName)
    {
        if (!_isFolder)
        {
            return _path;
        }

        var safe = string.Concat(jobName.Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return System.IO.Path.Combine(_path, safe + TranscriptFormats.Extension(_format));
    }

    private sealed class FileTarget(string path, FileStream stream, TranscriptWriter writer) : ExportTarget
    {
        public override TranscriptWriter Writer => writer;

        public override object Complete()
        {
            writer.Complete();
            stream.Dispose();
            return new FileInfo(path);
        }

        public override void Abandon()
        {
            stream.Dispose();
            File.Delete(path);
        }
    }
}
