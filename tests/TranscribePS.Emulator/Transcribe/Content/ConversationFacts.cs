namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>A stretch of time nobody speaks in.</summary>
internal sealed record Silence(long BeginMs, long EndMs);

/// <summary>One party starting to speak while the other still is; the overlap is the interruption.</summary>
internal sealed record Interruption(string Interrupter, long BeginMs, long EndMs);

/// <summary>Measurements of a conversation shared by the call analytics output and category evaluation.</summary>
/// <param name="Gaps">Every stretch between speech, however short (category thresholds can be below the reporting minimum).</param>
internal sealed record ConversationFacts(IReadOnlyList<Silence> Gaps, IReadOnlyList<Interruption> Interruptions)
{
    /// <summary>The silences reported as non-talk time.</summary>
    public IReadOnlyList<Silence> Silences => Gaps.Where(g => g.EndMs - g.BeginMs >= MinimumSilenceMs).ToList();

    /// <summary>Silences at least this long are reported as non-talk time.</summary>
    public const long MinimumSilenceMs = 2000;

    public static ConversationFacts Measure(Conversation conversation, IReadOnlyList<string> roles)
    {
        var silences = new List<Silence>();
        var interruptions = new List<Interruption>();
        long talkedUntil = 0;
        Turn? previous = null;
        foreach (var turn in conversation.Turns)
        {
            if (turn.BeginMs > talkedUntil)
            {
                silences.Add(new Silence(talkedUntil, turn.BeginMs));
            }

            if (previous is not null && previous.Party != turn.Party && turn.BeginMs < previous.EndMs)
            {
                interruptions.Add(new Interruption(roles[Math.Min(turn.Party, roles.Count - 1)], turn.BeginMs, Math.Min(previous.EndMs, turn.EndMs)));
            }

            talkedUntil = Math.Max(talkedUntil, turn.EndMs);
            previous = turn;
        }

        if (conversation.DurationMs > talkedUntil)
        {
            silences.Add(new Silence(talkedUntil, conversation.DurationMs));
        }

        return new ConversationFacts(silences, interruptions);
    }

    /// <summary>A sentiment score from -5 to +5, weighted by how long each turn lasts.</summary>
    public static double Score(IReadOnlyCollection<Turn> turns)
    {
        double weight = turns.Sum(t => (double)(t.EndMs - t.BeginMs));
        if (weight <= 0)
        {
            return 0;
        }

        double total = turns.Sum(t => (t.EndMs - t.BeginMs) * t.Sentiment switch
        {
            "POSITIVE" => 3.2,
            "NEGATIVE" => -3.4,
            "MIXED" => 0.6,
            _ => 0.3,
        });
        return Math.Clamp(Math.Round(total / weight, 1), -5, 5);
    }
}
