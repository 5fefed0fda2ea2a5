namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>One recognised token: a word with times, or punctuation without.</summary>
internal sealed record Word(string Text, long BeginMs, long EndMs, double Confidence, bool IsPunctuation, string? PiiType, int PiiSpan);

/// <summary>One speaker's turn. Party 0 is the agent or clinician, party 1 the customer or patient.</summary>
internal sealed record Turn(int Party, IReadOnlyList<Word> Words, string Sentiment, string? Insight, IReadOnlyList<double?> Loudness)
{
    public long BeginMs => Words.First(w => !w.IsPunctuation).BeginMs;

    public long EndMs => Words.Last(w => !w.IsPunctuation).EndMs;

    /// <summary>The turn as text: words separated by spaces, punctuation attached.</summary>
    public string Text(Func<Word, string>? render = null) => Render(Words, render);

    public static string Render(IEnumerable<Word> words, Func<Word, string>? render = null)
    {
        var text = new System.Text.StringBuilder();
        foreach (var word in words)
        {
            if (!word.IsPunctuation && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(render is null ? word.Text : render(word));
        }

        return text.ToString();
    }
}

/// <summary>What the emulator "heard" in a recording: turns in time order, and the recording's length.</summary>
internal sealed record Conversation(IReadOnlyList<Turn> Turns, long DurationMs)
{
    public IEnumerable<Word> Words => Turns.SelectMany(t => t.Words);
}
