using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Transcripts;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

[Cmdlet(VerbsCommon.Get, "TranscriptTurn", DefaultParameterSetName = JobSet)]
[OutputType(typeof(TranscriptTurn))]
public sealed class GetTranscriptTurnCommand : TranscriptSourceCmdlet
{
    private const string ItemSet = "Item";

    private readonly TurnBuilder _builder = new();
    private IReadOnlyDictionary<string, string>? _names;

    [Parameter(ParameterSetName = ItemSet, Mandatory = true, ValueFromPipeline = true)]
    public TranscriptItem[]? Item { get; set; }

    [Parameter]
    public Hashtable? SpeakerName { get; set; }

    private protected override Task ProcessAsync(CancellationToken cancellationToken)
    {
        if (Item is null)
        {
            return base.ProcessAsync(cancellationToken);
        }

        // Read once: this runs for every item of a piped transcript.
        var names = _names ??= Hashtables.ToStringMap(SpeakerName, StringComparer.OrdinalIgnoreCase);
        foreach (var item in Item)
        {
            var named = item.Speaker is not null && names.TryGetValue(item.Speaker, out var name) ? item with { SpeakerName = name } : item;
            if (_builder.Add(named) is { } turn)
            {
                Shell.WriteObject(turn);
            }
        }

        return Task.CompletedTask;
    }

    private protected override Task EndAsync(CancellationToken cancellationToken)
    {
        if (_builder.Complete() is { } last)
        {
            Shell.WriteObject(last);
        }

        return Task.CompletedTask;
    }

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        await foreach (var turn in TranscriptReader.ReadTurnsAsync(source.Json, source.Name, ReadOptions(SpeakerName), cancellationToken).ConfigureAwait(false))
        {
            Shell.WriteObject(turn);
        }
    }
}
