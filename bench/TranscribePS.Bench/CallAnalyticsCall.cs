using System.Globalization;
using System.Text;

/// <summary>
/// Writes a call analytics output file in the service's layout (PascalCase, milliseconds; AGENT and CUSTOMER turns
/// with items, sentiment, loudness per second, an issue, an outcome or an action item now and then; categories with
/// points of interest and the conversation characteristics after the transcript) for a call of the given length.
/// Issue 8's parse figure: 4 hours give 39,646 items (the words and punctuation of about 165 words a minute).
/// </summary>
internal static class CallAnalyticsCall
{
    private const double ItemsPerSecond = 39_646 / (4 * 3600.0);
    private const int ItemsPerTurn = 17;

    private static readonly string[] Words =
        ["thank", "you", "for", "calling", "how", "can", "I", "help", "my", "card", "was", "charged", "twice", "this", "month", "let", "me", "check", "that"];

    /// <summary>About the call length whose file takes <paramref name="bytes"/> (measured on a written hour).</summary>
    public static double HoursForBytes(long bytes)
    {
        var probe = Path.GetTempFileName();
        try
        {
            Write(probe, 1);
            return bytes / (double)new FileInfo(probe).Length;
        }
        finally
        {
            File.Delete(probe);
        }
    }

    public static int ItemCount(double hours) => (int)Math.Round(hours * 3600 * ItemsPerSecond);

    public static void Write(string path, double hours)
    {
        int items = ItemCount(hours);
        long totalMs = (long)(hours * 3600_000);
        int turns = (items + ItemsPerTurn - 1) / ItemsPerTurn;
        double turnMs = (double)totalMs / turns;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"JobStatus\":\"COMPLETED\",\"LanguageCode\":\"en-US\",\"Transcript\":[");
        int written = 0;
        var interruptions = new List<(long Begin, long End)>();
        var issues = new List<(long Begin, long End)>();
        for (int t = 0; t < turns; t++)
        {
            int count = Math.Min(ItemsPerTurn, items - written);
            string role = t % 2 == 0 ? "AGENT" : "CUSTOMER";
            long begin = (long)(t * turnMs);

            // Every tenth customer turn starts before the agent has finished: overlapping turns, as real calls have.
            if (t % 20 == 19)
            {
                begin -= 600;
                interruptions.Add((begin, begin + 600));
            }

            long end = (long)((t + 1) * turnMs) - 200;
            int words = count - 1;
            double wordMs = (end - begin) / (double)words;
            var content = new StringBuilder();
            var itemJson = new StringBuilder();
            for (int w = 0; w < words; w++)
            {
                string word = Words[(t + w) % Words.Length];
                long wordBegin = begin + (long)(w * wordMs);
                long wordEnd = wordBegin + (long)(wordMs * 0.85);
                content.Append(w == 0 ? "" : " ").Append(word);
                itemJson.Append(w == 0 ? "" : ",")
                    .Append(CultureInfo.InvariantCulture, $"{{\"Type\":\"pronunciation\",\"Confidence\":{0.9 + (((t + w) % 10) / 100.0):0.00##},\"Content\":\"{word}\",\"BeginOffsetMillis\":{wordBegin},\"EndOffsetMillis\":{wordEnd}}}");
            }

            content.Append('.');
            itemJson.Append(",{\"Type\":\"punctuation\",\"Confidence\":0.0,\"Content\":\".\"}");
            written += count;

            writer.Write(t == 0 ? "" : ",");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"LoudnessScores\":["));
            long seconds = Math.Max(1, (end - begin) / 1000);
            for (long s = 0; s < seconds; s++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{(s == 0 ? "" : ",")}{70 + ((t + s) % 20) + 0.25:0.00}"));
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture, $"],\"Content\":\"{content}\",\"Items\":[{itemJson}],\"Id\":\"{Guid.CreateVersion7():D}\",\"BeginOffsetMillis\":{begin},\"EndOffsetMillis\":{end},\"Sentiment\":\"{(t % 7 == 0 ? "NEGATIVE" : t % 3 == 0 ? "POSITIVE" : "NEUTRAL")}\",\"ParticipantRole\":\"{role}\""));
            if (t % 50 == 1)
            {
                // "my card was charged twice": characters 0..25 of the customer's words when they start there.
                int length = Math.Min(content.Length - 1, 20);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",\"IssuesDetected\":[{{\"CharacterOffsets\":{{\"Begin\":0,\"End\":{length}}}}}]"));
                issues.Add((begin, end));
            }
            else if (t % 50 == 24)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",\"ActionItemsDetected\":[{{\"CharacterOffsets\":{{\"Begin\":0,\"End\":{Math.Min(content.Length - 1, 15)}}}}}]"));
            }
            else if (t % 50 == 48)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",\"OutcomesDetected\":[{{\"CharacterOffsets\":{{\"Begin\":0,\"End\":{Math.Min(content.Length - 1, 12)}}}}}]"));
            }

            writer.Write('}');
        }

        writer.Write("],\"AccountId\":\"111122223333\",\"Categories\":{\"MatchedDetails\":{\"billing-dispute\":{\"PointsOfInterest\":[");
        for (int i = 0; i < issues.Count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"BeginOffsetMillis\":{issues[i].Begin},\"EndOffsetMillis\":{issues[i].End}}}"));
        }

        writer.Write("]}},\"MatchedCategories\":[\"billing-dispute\"]},\"Channel\":\"VOICE\",\"JobName\":\"bench-call\",");
        writer.Write("\"Participants\":[{\"ParticipantRole\":\"AGENT\"},{\"ParticipantRole\":\"CUSTOMER\"}],");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\"ConversationCharacteristics\":{{\"NonTalkTime\":{{\"Instances\":[],\"TotalTimeMillis\":0}},\"Interruptions\":{{\"TotalCount\":{interruptions.Count},\"TotalTimeMillis\":{interruptions.Count * 600},\"InterruptionsByInterrupter\":{{\"CUSTOMER\":["));
        for (int i = 0; i < interruptions.Count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"BeginOffsetMillis\":{interruptions[i].Begin},\"DurationMillis\":600,\"EndOffsetMillis\":{interruptions[i].End}}}"));
        }

        long quarter = totalMs / 4;
        string Quarters(double first) => string.Join(',', Enumerable.Range(0, 4).Select(q => string.Create(CultureInfo.InvariantCulture, $"{{\"Score\":{first + q * 0.7:0.0},\"BeginOffsetMillis\":{q * quarter},\"EndOffsetMillis\":{(q + 1) * quarter}}}")));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"]}}}},\"TotalConversationDurationMillis\":{totalMs},\"Sentiment\":{{\"OverallSentiment\":{{\"AGENT\":2.4,\"CUSTOMER\":1.8}},\"SentimentByPeriod\":{{\"QUARTER\":{{\"AGENT\":[{Quarters(1.2)}],\"CUSTOMER\":[{Quarters(-1.3)}]}}}}}},"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\"TalkSpeed\":{{\"DetailsByParticipant\":{{\"AGENT\":{{\"AverageWordsPerMinute\":171}},\"CUSTOMER\":{{\"AverageWordsPerMinute\":158}}}}}},\"TalkTime\":{{\"DetailsByParticipant\":{{\"AGENT\":{{\"TotalTimeMillis\":{totalMs / 2}}},\"CUSTOMER\":{{\"TotalTimeMillis\":{totalMs / 2 - 1000}}}}},\"TotalTimeMillis\":{totalMs - 1000}}}}},"));
        writer.Write("\"ContentMetadata\":{\"Output\":\"Raw\"}}");
    }
}
