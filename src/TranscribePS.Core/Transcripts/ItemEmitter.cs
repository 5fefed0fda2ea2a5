namespace TranscribePS.Core.Transcripts;

/// <summary>Turns raw items into <see cref="TranscriptItem"/>s: index, speaker join, PHI marks, names.</summary>
internal sealed class ItemEmitter
{
    private readonly string _jobName;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly TimeLabels _speakers;
    private readonly PhiSpans _phi;
    private int _index;
    private string? _lastSpeaker;
    private string? _lastChannel;

    public ItemEmitter(string jobName, TranscriptReadOptions options, TimeLabels speakers, PhiSpans phi)
    {
        _jobName = jobName;
        _speakers = speakers;
        _phi = phi;
        _names = options.SpeakerNames.Count == 0
            ? options.SpeakerNames
            : new Dictionary<string, string>(options.SpeakerNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="channel">The channel the item was read from (channel merge), else null.</param>
    public TranscriptItem Emit(in RawItem raw, string? channel = null)
    {
        string? speaker;
        string? phiCategory = null;
        channel ??= raw.Channel;
        if (raw.Type == TranscriptItemType.Punctuation)
        {
            // A mark belongs to the word before it.
            speaker = raw.Speaker ?? _lastSpeaker;
            channel ??= _lastChannel;
        }
        else
        {
            speaker = raw.Speaker;
            if (speaker is null && raw.Start is { } start && !_speakers.IsEmpty)
            {
                speaker = _speakers.Find(start, raw.End);
            }

            if (raw.Start is { } wordStart)
            {
                phiCategory = _phi.Find(wordStart, raw.End);
            }

            _lastSpeaker = speaker;
            _lastChannel = channel;
        }

        return new TranscriptItem
        {
            JobName = _jobName,
            Index = _index++,
            Type = raw.Type,
            Content = raw.Content,
            Confidence = raw.Confidence,
            StartTime = raw.Start,
            EndTime = raw.End,
            Speaker = speaker,
            SpeakerName = NameOf(speaker, channel),
            Channel = channel,
            IsRedacted = raw.Redacted,
            IsPhi = phiCategory is not null,
            PhiCategory = phiCategory,
        };
    }

    /// <summary>-SpeakerName for the speaker, else for the channel; unmapped, the speaker (or channel) label itself.</summary>
    private string? NameOf(string? speaker, string? channel)
    {
        if (speaker is not null && _names.TryGetValue(speaker, out var name))
        {
            return name;
        }

        if (channel is not null && _names.TryGetValue(channel, out name))
        {
            return name;
        }

        return speaker ?? channel;
    }
}
