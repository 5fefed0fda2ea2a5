using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Transcripts;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "TranscriptItem", DefaultParameterSetName = JobSet)]
[Alias("Get-TranscriptItems")]
[OutputType(typeof(TranscriptItem))]
public sealed class GetTranscriptItemCommand : TranscriptSourceCmdlet
{
    [Parameter]
    public Hashtable? SpeakerName { get; set; }

    [Parameter]
    public TranscriptItemType? Type { get; set; }

    private SpeakerNameCheck? _check;

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        var options = ReadOptions(SpeakerName);
        var check = _check ??= new SpeakerNameCheck(options.SpeakerNames);
        await foreach (var item in TranscriptReader.ReadItemsAsync(source.Json, source.Name, options, cancellationToken).ConfigureAwait(false))
        {
            check.Observe(item.Speaker, item.Channel);
            if (Type is null || item.Type == Type)
            {
                Shell.WriteObject(item);
            }
        }

        if (check.Finish(source.Name) is { } warning)
        {
            Shell.WriteWarning(warning);
        }
    }
}
