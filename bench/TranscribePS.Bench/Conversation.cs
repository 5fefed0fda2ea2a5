using System.Globalization;
using System.Text;

/// <summary>
/// Writes a two-speaker conversation transcript in the service's newer layout (speaker segments before the items,
/// a speaker label on every item) with an exact number of turns and items spread over the given duration. The
/// constants are the 10-hour transcript of the pump figure in issue 12: 4,866 turns, 87,575 items.
/// </summary>
internal static class Conversation
{
    public const int Turns = 4_866;
    public const int Items = 87_575;
    public const double Hours = 10;

    private static readonly string[] Words = ["the", "patient", "reports", "a", "mild", "headache", "since", "Tuesday", "and", "no", "fever", "today"];

    public static void Write(string path, int turns, int items, double hours)
    {
        // Every turn is words then one full stop; the remainder of items/turns gives some turns one word more.
        int perTurn = items / turns;
        int longer = items % turns;
        if (perTurn < 2)
        {
            throw new ArgumentException("A turn needs at least one word and its full stop: give at least twice as many items as turns.");
        }

        double turnSeconds = hours * 3600 / turns;
        var plan = Enumerable.Range(0, turns).Select(t => (Speaker: $"spk_{t % 2}", Words: perTurn - 1 + (t < longer ? 1 : 0), Start: t * turnSeconds)).ToList();
        double wordSeconds = turnSeconds * 0.85 / (perTurn + 1);

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"jobName\":\"bench-10h\",\"accountId\":\"111122223333\",\"status\":\"COMPLETED\",\"results\":{\"transcripts\":[{\"transcript\":\"(omitted)\"}],");
        writer.Write($"\"speaker_labels\":{{\"channel_label\":\"ch_0\",\"speakers\":2,\"segments\":[");
        for (int t = 0; t < plan.Count; t++)
        {
            var (speaker, words, start) = plan[t];
            writer.Write(t == 0 ? "" : ",");
            writer.Write($"{{\"start_time\":\"{Time(start)}\",\"speaker_label\":\"{speaker}\",\"end_time\":\"{Time(start + (words * wordSeconds))}\",\"items\":[");
            for (int w = 0; w < words; w++)
            {
                writer.Write(w == 0 ? "" : ",");
                writer.Write($"{{\"start_time\":\"{Time(start + (w * wordSeconds))}\",\"speaker_label\":\"{speaker}\",\"end_time\":\"{Time(start + ((w + 0.8) * wordSeconds))}\"}}");
            }

            writer.Write("]}");
        }

        writer.Write("]},\"items\":[");
        long id = 0;
        foreach (var (speaker, words, start) in plan)
        {
            for (int w = 0; w < words; w++)
            {
                writer.Write(id == 0 ? "" : ",");
                writer.Write($"{{\"id\":{id++},\"type\":\"pronunciation\",\"alternatives\":[{{\"confidence\":\"0.{900 + (id % 99)}\",\"content\":\"{Words[id % Words.Length]}\"}}],\"start_time\":\"{Time(start + (w * wordSeconds))}\",\"end_time\":\"{Time(start + ((w + 0.8) * wordSeconds))}\",\"speaker_label\":\"{speaker}\"}}");
            }

            writer.Write($",{{\"id\":{id++},\"type\":\"punctuation\",\"alternatives\":[{{\"confidence\":\"0.0\",\"content\":\".\"}}],\"speaker_label\":\"{speaker}\"}}");
        }

        writer.Write("]}}");
    }

    private static string Time(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
