using System.Collections;
using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Export;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Infrastructure;

/// <summary>
/// What Export-Transcript and ConvertTo-Transcript share: anything that holds a transcript comes in through
/// -InputObject (jobs, items, turns, transcript files or their paths and S3 URIs), and each transcript goes to one
/// output of its own (<see cref="ExportTarget"/>). Items and turns piped in are routed by job name, so several
/// transcripts may come interleaved; a job, file or URI is read and written in one go.
/// </summary>
public abstract class TranscriptExportCmdlet : TranscriptReadingCmdlet
{
    private readonly Dictionary<string, ExportTarget?> _piped = new(StringComparer.Ordinal);
    private readonly List<string> _pipedOrder = [];
    private IReadOnlyDictionary<string, string>? _names;
    private bool _confirmedSource;

    /// <summary>Typed as object: a job, an item, a turn, a file, a path or an S3 URI.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[]? InputObject { get; set; }

    [Parameter]
    public Hashtable? SpeakerName { get; set; }

    [Parameter]
    public SwitchParameter Unredacted { get => UnredactedOn; set => UnredactedOn = value.IsPresent; }

    /// <summary>The format every transcript of this invocation is written in.</summary>
    private protected abstract TranscriptFormat ExportFormat { get; }

    /// <summary>Asks to write the transcript of <paramref name="jobName"/>; false when declined (-WhatIf) or refused (error written).</summary>
    private protected abstract Task<bool> ConfirmAsync(string jobName, object target);

    /// <summary>Opens the output of one confirmed transcript (its job name is the title); null when that failed (error written).</summary>
    private protected abstract ExportTarget? Open(TranscriptExportOptions document, object target);

    private IReadOnlyDictionary<string, string> Names => _names ??= Hashtables.ToStringMap(SpeakerName, StringComparer.OrdinalIgnoreCase);

    private protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        foreach (var input in InputObject ?? [])
        {
            switch (input is PSObject wrapped ? wrapped.BaseObject : input)
            {
                case TranscriptItem item:
                    await WritePipedAsync(item.JobName, item, writer => writer.Write(Named(item))).ConfigureAwait(false);
                    break;
                case TranscriptTurn turn:
                    await WritePipedAsync(turn.JobName, turn, writer => writer.Write(Named(turn))).ConfigureAwait(false);
                    break;
                case var source:
                    if (!await ReadPipedAsync(source, ConfirmSourceAsync, cancellationToken).ConfigureAwait(false))
                    {
                        Shell.WriteError(new CommandError(new ArgumentException(Messages.ExportInputUnsupported(input?.GetType().FullName)), "ExportInputUnsupported", ErrorCategory.InvalidArgument, input));
                    }

                    break;
            }

            _confirmedSource = false;
        }
    }

    /// <summary>A job or URI asked for as a whole: its reading is not asked again per source.</summary>
    private async Task<bool> ConfirmSourceAsync(string jobName, object target)
        => _confirmedSource = await ConfirmAsync(jobName, target).ConfigureAwait(false);

    private protected override Task EndAsync(CancellationToken cancellationToken)
    {
        foreach (var jobName in _pipedOrder)
        {
            if (_piped[jobName] is { } target)
            {
                Finish(target, jobName);
            }
        }

        return Task.CompletedTask;
    }

    private protected override async Task ReadAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        var jobName = source.Job?.JobName ?? TranscriptReader.JobNameFromSource(source.Name);
        object target = (object?)source.Job ?? source.Location;
        if (!_confirmedSource && !await ConfirmAsync(jobName, target).ConfigureAwait(false))
        {
            return;
        }

        var document = new TranscriptExportOptions
        {
            Title = jobName,
            Details = Details(source),
            // A Word document shows a call's figures before its transcript, so they are read first (the source rewound, or opened again when it cannot seek).
            Insight = ExportFormat == TranscriptFormat.Docx ? await InsightAsync(source, cancellationToken).ConfigureAwait(false) : null,
        };
        if (Open(document, target) is not { } output)
        {
            return;
        }

        var options = new TranscriptReadOptions { SpeakerNames = Names };
        try
        {
            await foreach (var item in TranscriptReader.ReadItemsAsync(source.Json, source.Name, options, cancellationToken).ConfigureAwait(false))
            {
                output.Writer.Write(item);
            }
        }
        catch
        {
            output.Abandon();
            throw;
        }

        Finish(output, target);
    }

    private async Task WritePipedAsync(string jobName, object value, Action<TranscriptWriter> write)
    {
        if (!_piped.TryGetValue(jobName, out var target))
        {
            _pipedOrder.Add(jobName);
            _piped[jobName] = target = await ConfirmAsync(jobName, value).ConfigureAwait(false) ? Open(new TranscriptExportOptions { Title = jobName }, value) : null;
        }

        if (target is null)
        {
            return;
        }

        try
        {
            write(target.Writer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _piped[jobName] = null;
            target.Abandon();
            Shell.WriteError(new CommandError(ex, "OutputWriteFailed", ErrorCategory.WriteError, value));
        }
    }

    private void Finish(ExportTarget output, object target)
    {
        try
        {
            Shell.WriteObject(output.Complete());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Abandon();
            Shell.WriteError(new CommandError(ex, "OutputWriteFailed", ErrorCategory.WriteError, target));
        }
    }

    private static List<KeyValuePair<string, string>> Details(TranscriptSource source)
    {
        var details = new List<KeyValuePair<string, string>>();
        if (source.Job is { } job)
        {
            details.Add(new(Messages.DocxKindLabel, job.Kind.ToString()));
            if (job.LanguageCode is { } language)
            {
                details.Add(new(Messages.DocxLanguageLabel, language));
            }

            if (job.CompletionTime is { } completed)
            {
                details.Add(new(Messages.DocxCompletedLabel, completed.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (job.MediaUri is { } media)
            {
                details.Add(new(Messages.DocxRecordingLabel, media));
            }
        }

        details.Add(new(Messages.DocxSourceLabel, source.Name));
        return details;
    }

    private async Task<CallAnalyticsInsight?> InsightAsync(TranscriptSource source, CancellationToken cancellationToken)
    {
        if (source.Json.CanSeek)
        {
            // Read from the open source and rewound: a file, or an S3 object whose ranged reader keeps its last two
            // windows (a call up to 4 MiB is fetched once); no second open.
            long start = source.Json.Position;
            var insight = await CallAnalyticsInsightReader.ReadIfCallAnalyticsAsync(source.Json, source.Name, cancellationToken).ConfigureAwait(false);
            source.Json.Position = start;
            return insight;
        }

        var again = await OpenAsync(source.Location, source.Job, cancellationToken).ConfigureAwait(false);
        await using (again.ConfigureAwait(false))
        {
            return await CallAnalyticsInsightReader.ReadIfCallAnalyticsAsync(again, source.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    private TranscriptItem Named(TranscriptItem item)
        => NameOf(item.Speaker, item.Channel) is { } name ? item with { SpeakerName = name } : item;

    private TranscriptTurn Named(TranscriptTurn turn)
        => NameOf(turn.Speaker, turn.Channel) is { } name ? turn with { SpeakerName = name } : turn;

    private string? NameOf(string? speaker, string? channel)
        => speaker is not null && Names.TryGetValue(speaker, out var name) ? name
            : channel is not null && Names.TryGetValue(channel, out name) ? name
            : null;
}

/// <summary>Where one transcript is being written, and what the cmdlet emits when it is done.</summary>
internal abstract class ExportTarget
{
    public abstract TranscriptWriter Writer { get; }

    /// <summary>Completes the document and returns what goes down the pipeline.</summary>
    public abstract object Complete();

    /// <summary>The transcript failed part way: releases the output and removes what was written.</summary>
    public abstract void Abandon();
}
