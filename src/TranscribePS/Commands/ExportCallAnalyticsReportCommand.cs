using System.Collections;
using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Export;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>
/// Writes one self-contained HTML report of every call analytics transcript piped in (one call, or a batch with a
/// sortable table of the calls). Each call is read once (one open) and its section written aside as it is read
/// (<see cref="CallReportBuilder"/>); the file is written at the end.
/// </summary>
[Cmdlet(VerbsData.Export, "CallAnalyticsReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCallAnalyticsReportCommand : TranscriptReadingCmdlet
{
    private readonly CallReportBuilder _report = new();
    private string _path = string.Empty;
    private bool _confirmed;

    /// <summary>Typed as object: a call analytics job, a transcript file, or a path or S3 URI of one.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[]? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    public string? Path { get; set; }

    [Parameter]
    public Hashtable? SpeakerName { get; set; }

    [Parameter]
    public SwitchParameter Unredacted { get => UnredactedOn; set => UnredactedOn = value.IsPresent; }

    private protected override async Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        var resolved = await Shell.ResolvePathAsync(Path!, literal: true).ConfigureAwait(false);
        _path = resolved.Error is null ? resolved.Paths[0] : throw new TerminatingCommandException(resolved.Error);
        // One file for the whole input: asked once, before anything is read.
        _confirmed = await Shell.ShouldProcessAsync(_path, Messages.ReportAction).ConfigureAwait(false);
    }

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        if (!_confirmed)
        {
            return;
        }

        foreach (var input in InputObject ?? [])
        {
            // The one file was confirmed in Begin: every source is read.
            if (!await ReadPipedAsync(input is PSObject wrapped ? wrapped.BaseObject : input, static (_, _) => Task.FromResult(true), cancellationToken).ConfigureAwait(false))
            {
                Shell.WriteError(new CommandError(new ArgumentException(Messages.ReportInputUnsupported(input?.GetType().FullName)), "ReportInputUnsupported", ErrorCategory.InvalidArgument, input));
            }
        }
    }

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        var call = await CallAnalyticsReader.ReadCallAsync(source.Json, source.Name, ReadOptions(SpeakerName), cancellationToken).ConfigureAwait(false);
        if (call is not { } read)
        {
            Shell.WriteError(new CommandError(new ArgumentException(Messages.ReportNotCallAnalytics(source.Name)), "NotCallAnalytics", ErrorCategory.InvalidArgument, (object?)source.Job ?? source.Location));
            return;
        }

        _report.Add(new CallReport(read.Insight, read.Turns));
    }

    private protected override Task EndAsync(CancellationToken cancellationToken)
    {
        if (!_confirmed || _report.Count == 0)
        {
            return Task.CompletedTask;
        }

        try
        {
            using (var writer = new StreamWriter(_path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                _report.WriteTo(writer, Messages.ReportTitle(_report.Count == 1 ? _report.FirstInsight!.JobName : null, _report.Count));
            }

            Shell.WriteObject(new FileInfo(_path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Shell.WriteError(new CommandError(ex, "OutputWriteFailed", ErrorCategory.WriteError, _path));
        }

        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _report.Dispose();
        }

        base.Dispose(disposing);
    }
}
