using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Transcripts;
using TranscribePS.Infrastructure;

namespace TranscribePS.Commands;

// Item is the default set because it is the one that binds once per item: PowerShell tries the default set's piped
// parameter first for every record, and a TranscriptItem offered to -InputObject (TranscriptionJob[]) first costs
// about as much again as the binding itself. Jobs, paths and files still find their own sets.
[Cmdlet(VerbsCommon.Get, "TranscriptTurn", DefaultParameterSetName = ItemSet)]
[OutputType(typeof(TranscriptTurn))]
public sealed class GetTranscriptTurnCommand : TranscriptSourceCmdlet
{
    private const string ItemSet = "Item";

    private readonly TurnBuilder _builder = new();
    private IReadOnlyDictionary<string, string>? _names;
    private SpeakerNameCheck? _check;
    private string? _lastJob;

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
        var check = _check ??= new SpeakerNameCheck(names);
        foreach (var item in Item)
        {
            check.Observe(item.Speaker, item.Channel);
            _lastJob = item.JobName;
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

        if (Item is not null && _check?.Finish(_lastJob ?? string.Empty) is { } warning)
        {
            Shell.WriteWarning(warning);
        }

        return Task.CompletedTask;
    }

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        var options = ReadOptions(SpeakerName);
        var check = _check ??= new SpeakerNameCheck(options.SpeakerNames);
        await foreach (var turn in TranscriptReader.ReadTurnsAsync(source.Json, source.Name, options, cancellationToken).ConfigureAwait(false))
        {
            check.Observe(turn.Speaker, turn.Channel);
            Shell.WriteObject(turn);
        }

        if (check.Finish(source.Name) is { } warning)
        {
            Shell.WriteWarning(warning);
        }
    }
}
