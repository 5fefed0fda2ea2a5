using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TranscribePS;
using TranscribePS.Core.Transcripts;

// Measures the streaming transcript reader against a naive JsonDocument read, on generated transcripts of growing
// size. Each measurement runs in a child process of its own so that its peak working set is its own.
if (args is ["--measure", var method, var path])
{
    return await Measure.RunAsync(method, path);
}

if (args is ["--write-conversation", var conversationPath])
{
    // bench/Pipeline.ps1's input: the 10-hour two-speaker transcript of the pump figure.
    Conversation.Write(conversationPath, Conversation.Turns, Conversation.Items, Conversation.Hours);
    return 0;
}

if (args is ["--write-call-analytics", var callPath, "--hours", var hours])
{
    // bench/CallAnalytics.ps1's input: a generated call analytics output of that many hours.
    CallAnalyticsCall.Write(callPath, double.Parse(hours, CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["--call-analytics", var measuredPath, var roundText])
{
    // The reader's own share of Get-TranscriptItem and Get-CallAnalyticsInsight on a call analytics file, in process.
    return await CallAnalyticsTimes.RunAsync(measuredPath, int.Parse(roundText, CultureInfo.InvariantCulture));
}

if (args is ["--write-conversation", var scaledPath, "--hours", var hoursText])
{
    // bench/Export.ps1's inputs: the same conversation at the pump figure's pace, over the hours asked for.
    double scaledHours = double.Parse(hoursText, CultureInfo.InvariantCulture);
    double scale = scaledHours / Conversation.Hours;
    Conversation.Write(scaledPath, (int)(Conversation.Turns * scale), (int)(Conversation.Items * scale), scaledHours);
    return 0;
}

if (Environment.GetEnvironmentVariable(Harness.ChildMarker) is not null)
{
    // A measurement child that did not get its arguments must not start a harness of its own.
    await Console.Error.WriteLineAsync($"Unexpected measurement arguments: {string.Join(' ', args)}");
    return 2;
}

return await Harness.RunAsync(args);

internal static class Harness
{
    public const string ChildMarker = "TRANSCRIBEPS_BENCH_CHILD";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--memory-mb", var list])
        {
            return await MemoryAsync(list.Split(',').Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToArray());
        }

        int baseMb = args is ["--base-mb", var mb] ? int.Parse(mb, CultureInfo.InvariantCulture) : 10;
        var sizes = new[] { 1, 10, 50 };
        var dir = Directory.CreateTempSubdirectory("TranscribePS-bench-");
        Console.WriteLine($"TranscribePS transcript reader benchmark — {DateTime.UtcNow:u}, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Generated files in {dir.FullName} (deleted at the end).");
        Console.WriteLine();
        Console.WriteLine("layout A = per-item speaker_label + speaker_labels before items, no entities (standard; the tail probe sees nothing after the items)");
        Console.WriteLine("layout B = speaker_labels and PHI entities before items (medical; the reader streams items in its first pass)");
        Console.WriteLine("layout C = speaker_labels before items, PHI entities after them (medical; the tail probe reads the entities first)");
        Console.WriteLine();
        Console.WriteLine($"{"file",-16} {"MB",7} {"method",-20} {"items",10} {"seconds",8} {"items/s",11} {"first item ms",14} {"peak WS MB",11} {"GC alloc MB",12}");
        try
        {
            foreach (int factor in sizes)
            {
                long target = (long)baseMb * factor * 1024 * 1024;
                var fileA = Path.Combine(dir.FullName, $"A-{factor}x.json");
                var fileB = Path.Combine(dir.FullName, $"B-{factor}x.json");
                var fileC = Path.Combine(dir.FullName, $"C-{factor}x.json");
                Generator.Write(fileA, target, Entities.None);
                Generator.Write(fileB, target, Entities.BeforeItems);
                Generator.Write(fileC, target, Entities.AfterItems);
                var streamA = await RunChildAsync("stream", fileA);
                var naiveA = await RunChildAsync("jsondocument", fileA);
                var streamB = await RunChildAsync("stream", fileB);
                var streamC = await RunChildAsync("stream", fileC);
                Print($"A {factor}x", fileA, "stream (tail probe)", streamA);
                Print($"A {factor}x", fileA, "JsonDocument", naiveA);
                Print($"B {factor}x", fileB, "stream (direct)", streamB);
                Print($"C {factor}x", fileC, "stream (tail probe)", streamC);
                Console.WriteLine($"{"",-16} {"",7} ratio JsonDocument/stream: time {naiveA.Seconds / streamA.Seconds:0.00}x, peak WS {naiveA.PeakWorkingSetMb / streamA.PeakWorkingSetMb:0.0}x, allocated {naiveA.AllocatedMb / streamA.AllocatedMb:0.0}x");
                File.Delete(fileA);
                File.Delete(fileB);
                File.Delete(fileC);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// Issue 9's figures: peak working set of the streaming read as the file grows (layout A at each size), and of a
    /// hostile file whose one item holds a 60 MB string (refused at the value cap instead of held).
    /// </summary>
    private static async Task<int> MemoryAsync(int[] sizesMb)
    {
        var dir = Directory.CreateTempSubdirectory("TranscribePS-bench-");
        Console.WriteLine($"TranscribePS reader memory — {DateTime.UtcNow:u}, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"file",-16} {"MB",7} {"method",-20} {"items",10} {"seconds",8} {"items/s",11} {"first item ms",14} {"peak WS MB",11} {"GC alloc MB",12}");
        try
        {
            foreach (int mb in sizesMb)
            {
                var file = Path.Combine(dir.FullName, $"A-{mb}MB.json");
                Generator.Write(file, (long)mb * 1024 * 1024, Entities.None);
                Print($"A {mb} MB", file, "stream", await RunChildAsync("stream", file));
                File.Delete(file);

                // Call analytics output of about the same size (CallAnalyticsCall's layout: 1 h is about 1.3 MB).
                var call = Path.Combine(dir.FullName, $"CA-{mb}MB.json");
                CallAnalyticsCall.Write(call, CallAnalyticsCall.HoursForBytes((long)mb * 1024 * 1024));
                Print($"CA {mb} MB", call, "items (stream)", await RunChildAsync("ca-items", call));
                Print($"CA {mb} MB", call, "insight (stream)", await RunChildAsync("ca-insight", call));
                File.Delete(call);
            }

            var hostile = Path.Combine(dir.FullName, "hostile-60MB-string.json");
            File.WriteAllText(hostile, "{\"jobName\":\"h\",\"results\":{\"items\":[{\"start_time\":\"0.1\",\"end_time\":\"0.2\",\"alternatives\":[{\"confidence\":\"0.9\",\"content\":\"" + new string('a', 60 * 1024 * 1024) + "\"}],\"type\":\"pronunciation\"}]}}");
            var refused = await RunChildAsync("stream", hostile);
            Print("60 MB string", hostile, "stream", refused);
            Console.WriteLine($"{"",-16} {"",7} {refused.Error}");

            var hostileCall = Path.Combine(dir.FullName, "hostile-call-60MB-string.json");
            File.WriteAllText(hostileCall, "{\"JobName\":\"h\",\"Transcript\":[{\"ParticipantRole\":\"AGENT\",\"BeginOffsetMillis\":0,\"EndOffsetMillis\":10,\"Content\":\"" + new string('a', 60 * 1024 * 1024) + "\"}]}");
            var refusedCall = await RunChildAsync("ca-items", hostileCall);
            Print("CA 60 MB string", hostileCall, "items (stream)", refusedCall);
            Console.WriteLine($"{"",-16} {"",7} {refusedCall.Error}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        return 0;
    }

    private static void Print(string label, string path, string method, Result r)
        => Console.WriteLine($"{label,-16} {new FileInfo(path).Length / 1048576.0,7:0.0} {method,-20} {r.Items,10} {r.Seconds,8:0.00} {r.Items / r.Seconds,11:N0} {r.FirstItemMs,14:0.0} {r.PeakWorkingSetMb,11:0.0} {r.AllocatedMb,12:0.0}");

    private static async Task<Result> RunChildAsync(string method, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment[ChildMarker] = "1";
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started through the dotnet host: run the same assembly again.
            start.ArgumentList.Add(typeof(Harness).Assembly.Location);
        }

        start.ArgumentList.Add("--measure");
        start.ArgumentList.Add(method);
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"Measurement '{method}' on {path} failed: {output}");
        }

        return JsonSerializer.Deserialize<Result>(output)!;
    }
}

internal sealed record Result(long Items, double Seconds, double FirstItemMs, double PeakWorkingSetMb, double AllocatedMb, string? Error = null);

internal static class Measure
{
    public static async Task<int> RunAsync(string method, string path)
    {
        var clock = Stopwatch.StartNew();
        double firstItemMs = -1;
        long items = 0;
        string? error = null;
        if (method is "ca-insight")
        {
            try
            {
                await using var file = TranscriptReader.OpenFile(path);
                var insight = await TranscribePS.Core.Analytics.CallAnalyticsInsightReader.ReadAsync(file, path, CancellationToken.None);
                firstItemMs = clock.Elapsed.TotalMilliseconds;
                items = insight.Issues.Count + insight.Outcomes.Count + insight.ActionItems.Count;
            }
            catch (TranscriptFormatException ex)
            {
                error = ex.Message;
            }
        }
        else if (method is "stream" or "ca-items")
        {
            try
            {
                await foreach (var item in TranscriptReader.ReadItemsAsync(path, new TranscriptReadOptions(), CancellationToken.None))
                {
                    if (items++ == 0)
                    {
                        firstItemMs = clock.Elapsed.TotalMilliseconds;
                    }

                    GC.KeepAlive(item);
                }
            }
            catch (TranscriptFormatException ex)
            {
                error = ex.Message;
            }
        }
        else
        {
            // The naive way: parse the whole document, then walk results.items into the same item records.
            await using var file = File.OpenRead(path);
            using var doc = await JsonDocument.ParseAsync(file);
            var jobName = doc.RootElement.GetProperty("jobName").GetString()!;
            var all = new List<TranscriptItem>();
            foreach (var element in doc.RootElement.GetProperty("results").GetProperty("items").EnumerateArray())
            {
                var alternative = element.GetProperty("alternatives")[0];
                var isWord = element.GetProperty("type").GetString() == "pronunciation";
                all.Add(new TranscriptItem
                {
                    JobName = jobName,
                    Index = all.Count,
                    Type = isWord ? TranscriptItemType.Pronunciation : TranscriptItemType.Punctuation,
                    Content = alternative.GetProperty("content").GetString()!,
                    Confidence = isWord ? double.Parse(alternative.GetProperty("confidence").GetString()!, CultureInfo.InvariantCulture) : null,
                    StartTime = isWord ? double.Parse(element.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture) : null,
                    EndTime = isWord ? double.Parse(element.GetProperty("end_time").GetString()!, CultureInfo.InvariantCulture) : null,
                    Speaker = element.TryGetProperty("speaker_label", out var speaker) ? speaker.GetString() : null,
                });
                if (all.Count == 1)
                {
                    firstItemMs = clock.Elapsed.TotalMilliseconds;
                }
            }

            items = all.Count;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.Write(JsonSerializer.Serialize(new Result(items, seconds, firstItemMs, self.PeakWorkingSet64 / 1048576.0, GC.GetTotalAllocatedBytes(precise: true) / 1048576.0, error)));
        return 0;
    }
}

/// <summary>Where the PHI entities sit, if the file has any.</summary>
internal enum Entities
{
    None,
    BeforeItems,
    AfterItems,
}

/// <summary>Writes a transcript in the service's newer layout (item ids, per-item speaker labels) of about the target size.</summary>
internal static class Generator
{
    private static readonly string[] Words = ["the", "patient", "reports", "a", "mild", "headache", "since", "Tuesday", "and", "no", "fever", "today"];

    public static void Write(string path, long targetBytes, Entities entities)
    {
        // The items section is about 60% of the file; speaker segments most of the rest.
        long words = targetBytes / 245;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"jobName\":\"bench\",\"accountId\":\"111122223333\",\"status\":\"COMPLETED\",\"results\":{\"transcripts\":[{\"transcript\":\"(omitted)\"}],");
        writer.Write("\"speaker_labels\":{\"channel_label\":\"ch_0\",\"speakers\":2,\"segments\":[");
        for (long segment = 0; segment * 20 < words; segment++)
        {
            long first = segment * 20;
            long last = Math.Min(words, first + 20) - 1;
            writer.Write(segment == 0 ? "" : ",");
            writer.Write($"{{\"start_time\":\"{Start(first)}\",\"speaker_label\":\"spk_{segment % 2}\",\"end_time\":\"{End(last)}\",\"items\":[");
            for (long w = first; w <= last; w++)
            {
                writer.Write(w == first ? "" : ",");
                writer.Write($"{{\"start_time\":\"{Start(w)}\",\"speaker_label\":\"spk_{segment % 2}\",\"end_time\":\"{End(w)}\"}}");
            }

            writer.Write("]}");
        }

        writer.Write("]},");
        if (entities == Entities.BeforeItems)
        {
            WriteEntities(writer, words);
            writer.Write(",");
        }

        writer.Write("\"items\":[");
        long id = 0;
        for (long w = 0; w < words; w++)
        {
            writer.Write(id == 0 ? "" : ",");
            writer.Write($"{{\"id\":{id++},\"type\":\"pronunciation\",\"alternatives\":[{{\"confidence\":\"0.{900 + (w % 99)}\",\"content\":\"{Words[w % Words.Length]}\"}}],\"start_time\":\"{Start(w)}\",\"end_time\":\"{End(w)}\",\"speaker_label\":\"spk_{w / 20 % 2}\"}}");
            if (w % 8 == 7)
            {
                writer.Write($",{{\"id\":{id++},\"type\":\"punctuation\",\"alternatives\":[{{\"confidence\":\"0.0\",\"content\":\".\"}}],\"speaker_label\":\"spk_{w / 20 % 2}\"}}");
            }
        }

        writer.Write("]");
        if (entities == Entities.AfterItems)
        {
            writer.Write(",");
            WriteEntities(writer, words);
        }

        writer.Write("}}");
    }

    private static void WriteEntities(StreamWriter writer, long words)
    {
        writer.Write("\"entities\":[");
        for (long w = 7; w < words; w += 500)
        {
            writer.Write(w == 7 ? "" : ",");
            writer.Write($"{{\"startTime\":{Start(w)},\"endTime\":{End(w)},\"category\":\"PHI\",\"confidence\":0.98,\"content\":\"Tuesday\"}}");
        }

        writer.Write("]");
    }

    private static string Start(long word) => (word * 0.35).ToString("0.###", CultureInfo.InvariantCulture);

    private static string End(long word) => (word * 0.35 + 0.3).ToString("0.###", CultureInfo.InvariantCulture);
}
