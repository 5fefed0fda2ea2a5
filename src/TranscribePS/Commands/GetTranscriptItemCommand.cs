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

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        await foreach (var item in TranscriptReader.ReadItemsAsync(source.Json, source.Name, ReadOptions(SpeakerName), cancellationToken).ConfigureAwait(false))
        {
            if (Type is null || item.Type == Type)
            {
                Shell.WriteObject(item);
            }
        }
    }
}
