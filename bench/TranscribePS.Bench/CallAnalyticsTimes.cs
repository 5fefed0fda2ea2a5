using System.Diagnostics;
using TranscribePS.Core.Analytics;
using TranscribePS.Core.Transcripts;

/// <summary>
/// Times the call analytics reader in process (no PowerShell): every item, every turn and the insight of one file,
/// each read <c>rounds</c> times after a warm-up, printing every round and the medians.
/// </summary>
internal static class CallAnalyticsTimes
{
    public static async Task<int> RunAsync(string path, int rounds)
    {
        var measures = new (string Name, Func<Task<long>> Read)[]
        {
            ("items", async () =>
            {
                long n = 0;
                await foreach (var item in TranscriptReader.ReadItemsAsync(path, new TranscriptReadOptions(), CancellationToken.None))
                {
                    GC.KeepAlive(item);
                    n++;
                }

                return n;
            }),
            ("turns", async () =>
            {
                long n = 0;
                await foreach (var turn in TranscriptReader.ReadTurnsAsync(path, new TranscriptReadOptions(), CancellationToken.None))
                {
                    GC.KeepAlive(turn);
                    n++;
                }

                return n;
            }),
            ("insight", async () =>
            {
                await using var file = TranscriptReader.OpenFile(path);
                var insight = await CallAnalyticsInsightReader.ReadAsync(file, path, CancellationToken.None);
                return insight.Issues.Count;
            }),
        };

        foreach (var (name, read) in measures)
        {
            long count = await read();
            var times = new List<double>();
            var cpus = new List<double>();
            using var self = Process.GetCurrentProcess();
            for (int r = 0; r < rounds; r++)
            {
                GC.Collect();
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await read();
                times.Add(clock.Elapsed.TotalSeconds);
                self.Refresh();
                cpus.Add((self.TotalProcessorTime - cpu).TotalSeconds);
            }

            times.Sort();
            cpus.Sort();
            Console.WriteLine($"{name,-8} {count,8} read, median {times[times.Count / 2]:0.000} s wall, {cpus[cpus.Count / 2]:0.000} s cpu (wall rounds: {string.Join(' ', times.Select(t => t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))})");
        }

        return 0;
    }
}
