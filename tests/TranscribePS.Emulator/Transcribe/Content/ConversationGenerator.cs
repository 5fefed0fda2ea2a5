using System.Globalization;
using System.Text.RegularExpressions;

namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>
/// Produces what a recording "says": a dictated script when a test supplied one, otherwise a plausible conversation
/// drawn from a pool, seeded by the job name (so the same job always hears the same words) and filling the
/// recording's duration (so longer audio yields more words).
/// </summary>
internal static partial class ConversationGenerator
{
    private const long FirstWordMs = 300;

    public static Conversation Generate(ConversationPool pool, string seed, long durationMs, bool singleSpeaker = false)
    {
        var random = new Random(StableHash(seed));
        var lines = new List<PoolLine>(pool.Opening);
        var closing = pool.Closing;
        long estimate = Estimate(lines);
        long closingEstimate = Estimate(closing);
        var exchanges = pool.Exchanges;
        int next = random.Next(exchanges.Count);
        while (true)
        {
            var exchange = exchanges[next % exchanges.Count];
            long exchangeEstimate = Estimate(exchange);
            if (estimate + exchangeEstimate + closingEstimate > durationMs)
            {
                break;
            }

            lines.AddRange(exchange);
            estimate += exchangeEstimate;
            next += 1 + random.Next(2);
        }

        if (estimate + closingEstimate <= durationMs)
        {
            lines.AddRange(closing);
        }

        if (singleSpeaker)
        {
            lines = lines.Select(l => l with { Party = 0 }).ToList();
        }

        var turns = new List<Turn>();
        long cursor = FirstWordMs + random.Next(300);
        int span = 0;
        long previousEnd = 0;
        long previousBegin = 0;
        foreach (var line in lines)
        {
            if (turns.Count > 0)
            {
                cursor = NextTurnStart(random, previousBegin, previousEnd, samePartyAsBefore: turns[^1].Party == line.Party);
            }

            var turn = TimeTurn(line.Party, line.Text, line.Sentiment, line.Insight, cursor, random, ref span, durationMs);
            if (turn is null)
            {
                break;
            }

            turns.Add(turn);
            previousBegin = turn.BeginMs;
            previousEnd = turn.EndMs;
        }

        return new Conversation(turns, durationMs);
    }

    /// <summary>A dictated conversation, timed as written: a turn starts where the script says or after the previous one.</summary>
    public static Conversation FromScript(ConversationScript script, string seed, long durationMs, Func<string, int> partyOf)
    {
        var random = new Random(StableHash(seed));
        var turns = new List<Turn>();
        long cursor = FirstWordMs;
        int span = 0;
        foreach (var scripted in script.Turns)
        {
            long begin = scripted.BeginOffsetMillis ?? cursor;
            var turn = TimeTurn(partyOf(scripted.Speaker), scripted.Text, (scripted.Sentiment ?? "NEUTRAL").ToUpperInvariant(), scripted.Insight?.ToUpperInvariant(), begin, random, ref span, limitMs: null);
            if (turn is null)
            {
                continue;
            }

            turns.Add(turn);
            cursor = Math.Max(cursor, turn.EndMs + 400);
        }

        turns.Sort((a, b) => a.BeginMs.CompareTo(b.BeginMs));
        long end = turns.Count == 0 ? 0 : turns.Max(t => t.EndMs) + 300;
        return new Conversation(turns, Math.Max(durationMs, end));
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and content must not be.</summary>
    public static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static long NextTurnStart(Random random, long previousBegin, long previousEnd, bool samePartyAsBefore)
    {
        int roll = random.Next(100);
        if (!samePartyAsBefore && roll < 14 && previousEnd - previousBegin > 1500)
        {
            // The other party starts talking before this one finished: an interruption, as real calls have.
            return previousEnd - 300 - random.Next(900);
        }

        if (roll > 88)
        {
            // A silence long enough to count as non-talk time.
            return previousEnd + 2500 + random.Next(2500);
        }

        return previousEnd + 150 + random.Next(600);
    }

    private static Turn? TimeTurn(int party, string text, string sentiment, string? insight, long begin, Random random, ref int span, long? limitMs)
    {
        var words = new List<Word>();
        long cursor = begin;
        foreach (var token in Tokenize(text, ref span))
        {
            if (token.IsPunctuation)
            {
                if (words.Count > 0)
                {
                    words.Add(new Word(token.Text, 0, 0, 0, IsPunctuation: true, null, 0));
                }

                continue;
            }

            long length = (long)((140 + 45 * token.Text.Length) * (0.8 + random.NextDouble() * 0.4));
            if (limitMs is long limit && cursor + length > limit)
            {
                break;
            }

            double confidence = random.Next(100) < 35 ? 1.0 : Math.Round(0.82 + random.NextDouble() * 0.18, 4);
            words.Add(new Word(token.Text, cursor, cursor + length, confidence, IsPunctuation: false, token.PiiType, token.PiiSpan));
            cursor += length + random.Next(60);
        }

        if (!words.Any(w => !w.IsPunctuation))
        {
            return null;
        }

        long duration = words.Last(w => !w.IsPunctuation).EndMs - begin;
        int scores = (int)Math.Max(1, Math.Ceiling(duration / 1000.0));
        var loudness = new List<double?>(scores);
        for (int i = 0; i < scores; i++)
        {
            loudness.Add(random.Next(100) < 9 ? null : Math.Round(55 + random.NextDouble() * 40, 2));
        }

        return new Turn(party, words, sentiment, insight, loudness);
    }

    private static long Estimate(IEnumerable<PoolLine> lines) =>
        lines.Sum(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(w => 170 + 45L * w.Length) + 600);

    private sealed record Token(string Text, bool IsPunctuation, string? PiiType, int PiiSpan);

    private static List<Token> Tokenize(string text, ref int span)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (match.Groups["pii"].Success)
            {
                span++;
                string content = match.Groups["pii"].Value;
                string type = match.Groups["type"].Success ? match.Groups["type"].Value : InferPiiType(content);
                foreach (string piece in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    AddPiece(tokens, piece, type, span);
                }
            }
            else
            {
                AddPiece(tokens, match.Value, null, 0);
            }
        }

        return tokens;
    }

    private static void AddPiece(List<Token> tokens, string piece, string? piiType, int span)
    {
        int end = piece.Length;
        while (end > 0 && ".,?!;:".Contains(piece[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        if (end > 0)
        {
            tokens.Add(new Token(piece[..end], false, piiType, span));
        }

        foreach (char mark in piece[end..])
        {
            tokens.Add(new Token(mark.ToString(CultureInfo.InvariantCulture), true, null, 0));
        }
    }

    private static string InferPiiType(string content)
    {
        if (content.Contains('@', StringComparison.Ordinal))
        {
            return "EMAIL";
        }

        int digits = content.Count(char.IsAsciiDigit);
        return digits switch
        {
            0 => "NAME",
            >= 12 => "CREDIT_DEBIT_NUMBER",
            10 => "PHONE",
            _ => "PIN",
        };
    }

    [GeneratedRegex(@"\{(?:(?<type>[A-Z_]+):)?(?<pii>[^}]*)\}|[^\s{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
