using System.Management.Automation;
using TranscribePS.Core.Export;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

/// <summary>
/// Export-Transcript's text formats returned to the pipeline as one string per transcript, as ConvertTo-Csv pairs
/// with Export-Csv. One cmdlet with -Format rather than ConvertTo-Srt/-Vtt/-Markdown: the noun keeps the module's own
/// name space (ConvertTo-Markdown exists elsewhere) and the pair reads the same way as PowerShell's own.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "Transcript")]
[OutputType(typeof(string))]
public sealed class ConvertToTranscriptCommand : TranscriptExportCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet(nameof(TranscriptFormat.Srt), nameof(TranscriptFormat.Vtt), nameof(TranscriptFormat.Text), nameof(TranscriptFormat.Markdown))]
    public TranscriptFormat Format { get; set; }

    private protected override TranscriptFormat ExportFormat => Format;

    private protected override Task<bool> ConfirmAsync(string jobName, object target) => Task.FromResult(true);

    private protected override ExportTarget? Open(TranscriptExportOptions document, object target)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        return new TextTarget(text, TranscriptWriter.ForText(Format, text, document));
    }

    private sealed class TextTarget(StringWriter text, TranscriptWriter writer) : ExportTarget
    {
        public override TranscriptWriter Writer => writer;

        public override object Complete()
        {
            writer.Complete();
            return text.ToString();
        }

        public override void Abandon() => text.Dispose();
    }
}
