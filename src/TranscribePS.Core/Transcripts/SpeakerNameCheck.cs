namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Notices a -SpeakerName that names nobody: keys are the service's labels (<c>spk_0</c>, <c>ch_1</c>, <c>AGENT</c>), and a
/// table whose keys match none of the labels a transcript holds (often one written the other way round,
/// <c>@{ Clinician = 'spk_0' }</c>) would otherwise be ignored without a word. Fed the labels of every item or turn of a
/// source, it gives one warning per invocation, for the first source where no key matched.
/// </summary>
public sealed class SpeakerNameCheck(IReadOnlyDictionary<string, string> names)
{
    private readonly HashSet<string> _labels = new(StringComparer.OrdinalIgnoreCase);
    private bool _warned;

    public void Observe(string? speaker, string? channel)
    {
        if (names.Count == 0 || _warned)
        {
            return;
        }

        if (speaker is not null)
        {
            _labels.Add(speaker);
        }

        if (channel is not null)
        {
            _labels.Add(channel);
        }
    }

    /// <summary>The warning for the source just read, or null; clears the labels for the next source.</summary>
    public string? Finish(string sourceName)
    {
        if (names.Count == 0 || _warned || _labels.Count == 0)
        {
            _labels.Clear();
            return null;
        }

        var matched = names.Keys.Any(_labels.Contains);
        var labels = _labels.Order(StringComparer.Ordinal).ToList();
        _labels.Clear();
        if (matched)
        {
            return null;
        }

        _warned = true;
        var reversed = names.FirstOrDefault(pair => labels.Contains(pair.Value, StringComparer.OrdinalIgnoreCase));
        return reversed.Key is not null
            ? Messages.SpeakerNameReversed(sourceName, names.Keys, labels, reversed.Value, reversed.Key)
            : Messages.SpeakerNameMatchesNoLabel(sourceName, names.Keys, labels, labels[0], names.Values.First());
    }
}
