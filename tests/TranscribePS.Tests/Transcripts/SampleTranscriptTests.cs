using System.Text.Json;
using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;
using static TranscribePS.Tests.Transcripts.TranscriptTestSupport;

namespace TranscribePS.Tests.Transcripts;

/// <summary>
/// The real outputs in ../shared/samples. Without the folder (a plain clone) every test here is skipped with the
/// reason; under CI=true it fails instead.
/// </summary>
public class SampleTranscriptTests
{
    private const string Plain = "standard_plain__tscribe_01-plain.json";
    private const string Channels = "standard_channel-labels__tscribe_02-channel-identification.json";
    private const string Speakers = "standard_speaker-labels__tscribe_03-speaker-identification.json";
    private const string Alternatives = "standard_alternatives__tscribe_04-alternative-results.json";
    private const string Expert = "standard_plain__aws-transcription-to-vtt_expert.json";
    private const string CallAnalytics = "call-analytics_redacted__aws-samples_example-call.json";

    private static async Task<List<TranscriptItem>> ReadFileAsync(string path)
    {
        var items = await TranscriptReader.ReadItemsAsync(path, NoNames, CancellationToken.None).ToListAsync();

        return items;
    }

    [SamplesTheory]
    [InlineData(Plain, "01-plain", 392, 354, 38, "She", "leg")]
    [InlineData(Speakers, "03-speaker-identification", 392, 354, 38, "She", "leg")]
    [InlineData(Alternatives, "04-alternative-results", 392, 354, 38, "She", "leg")]
    [InlineData(Channels, "02-channel-identification", 393, 354, 39, "She", "leg")]
    [InlineData(Expert, "989_-_684", 1148, 1084, 64, "Our", ".")]
    public async Task Sample_counts_and_ends_match_the_file(string name, string jobName, int items, int words, int marks, string first, string last)
    {
        var path = RepoPaths.Sample(name);

        var read = await ReadFileAsync(path);

        Assert.Equal(items, read.Count);
        Assert.Equal(words, read.Count(i => i.Type == TranscriptItemType.Pronunciation));
        Assert.Equal(marks, read.Count(i => i.Type == TranscriptItemType.Punctuation));
        Assert.Equal(first, read[0].Content);
        Assert.Equal(last, read[^1].Content);
        Assert.All(read, i => Assert.Equal(jobName, i.JobName));
        Assert.All(read.Where(i => i.Type == TranscriptItemType.Punctuation), i => Assert.Null(i.Confidence));
        Assert.All(read.Where(i => i.Type == TranscriptItemType.Pronunciation), i => Assert.NotNull(i.StartTime));
    }

    [SamplesFact]
    public async Task Expert_sample_reads_four_decimal_confidences_and_three_decimal_times()
    {
        var path = RepoPaths.Sample(Expert);

        var read = await ReadFileAsync(path);

        Assert.Equal((0.449, 0.739, 1.0), (read[0].StartTime!.Value, read[0].EndTime!.Value, read[0].Confidence!.Value));
        Assert.Equal(444.885, read.Last(i => i.Type == TranscriptItemType.Pronunciation).EndTime);
    }

    [SamplesFact]
    public async Task Speaker_sample_join_finds_three_speakers_and_matches_a_brute_force_join()
    {
        var path = RepoPaths.Sample(Speakers);

        var read = await ReadFileAsync(path);
        var expected = BruteForceSpeakers(path);

        Assert.Equal(["spk_0", "spk_1", "spk_2"], read.Select(i => i.Speaker).Distinct().Order());
        Assert.Equal(205, read.Count(i => i.Type == TranscriptItemType.Pronunciation && i.Speaker == "spk_0"));
        Assert.Equal(expected, read.Where(i => i.Type == TranscriptItemType.Pronunciation).Select(i => i.Speaker));
        Assert.All(read, i => Assert.NotNull(i.Speaker));
    }

    /// <summary>The obvious quadratic join: for each word, scan every segment item for the same start and end.</summary>
    private static List<string?> BruteForceSpeakers(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = doc.RootElement.GetProperty("results");
        var entries = results.GetProperty("speaker_labels").GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Select(i => (Start: i.GetProperty("start_time").GetString(), End: i.GetProperty("end_time").GetString(), Label: i.GetProperty("speaker_label").GetString()))
            .ToList();
        var speakers = new List<string?>();
        foreach (var item in results.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("type").GetString() != "pronunciation")
            {
                continue;
            }

            string? found = null;
            foreach (var entry in entries)
            {
                if (entry.Start == item.GetProperty("start_time").GetString() && entry.End == item.GetProperty("end_time").GetString())
                {
                    found = entry.Label;
                }
            }

            speakers.Add(found);
        }

        return speakers;
    }

    [SamplesFact]
    public async Task Channel_sample_merge_is_monotonic_in_time_and_keeps_every_mark_behind_a_word_of_its_channel()
    {
        var path = RepoPaths.Sample(Channels);

        var read = await ReadFileAsync(path);
        var starts = read.Where(i => i.StartTime is not null).Select(i => i.StartTime!.Value).ToList();

        Assert.Equal(starts.Order(), starts);
        Assert.Equal(162, read.Count(i => i.Channel == "ch_0"));
        Assert.Equal(231, read.Count(i => i.Channel == "ch_1"));
        Assert.Equal(("ch_1", "She"), (read[0].Channel, read[0].Content));
        for (int i = 1; i < read.Count; i++)
        {
            if (read[i].Type == TranscriptItemType.Punctuation)
            {
                Assert.Equal(read[i - 1].Channel, read[i].Channel);
            }
        }

        Assert.Equal(Enumerable.Range(0, read.Count), read.Select(i => i.Index));
    }

    [SamplesFact]
    public async Task Alternatives_sample_takes_the_first_alternative_of_every_item()
    {
        var path = RepoPaths.Sample(Alternatives);
        var plainPath = RepoPaths.Sample(Plain);

        var read = await ReadFileAsync(path);
        var plain = await ReadFileAsync(plainPath);

        Assert.Equal(plain.Select(i => i.Content), read.Select(i => i.Content));
    }

    [SamplesFact]
    public async Task Every_standard_sample_reads_the_same_from_a_non_seekable_stream()
    {
        foreach (var name in new[] { Plain, Channels, Speakers, Alternatives, Expert })
        {
            var path = RepoPaths.Sample(name);

            var fromFile = await ReadFileAsync(path);
            var fromStream = await ReadItemsAsync(await File.ReadAllTextAsync(path), path, seekable: false);

            Assert.Equal(fromFile, fromStream);
        }
    }

    [SamplesFact]
    public async Task Call_analytics_sample_is_detected_as_call_analytics()
    {
        var path = RepoPaths.Sample(CallAnalytics);

        await using var stream = File.OpenRead(path);

        Assert.Equal(TranscriptSchema.CallAnalytics, (await TranscriptSchemaDetector.DetectAsync(stream, path, CancellationToken.None)).Schema);
    }

    [SamplesFact]
    public async Task Call_analytics_sample_is_read_through_the_call_analytics_reader()
    {
        var path = RepoPaths.Sample(CallAnalytics);

        var items = await ReadFileAsync(path);
        var turns = await TranscriptReader.ReadTurnsAsync(path, NoNames, CancellationToken.None).ToListAsync();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("example-call.wav", i.JobName));
        Assert.Equal("Thank you for calling Anchor Credit Union", string.Join(' ', items.Take(7).Select(i => i.Content)).Replace(" ,", ",", StringComparison.Ordinal)[..41]);
        Assert.StartsWith("Thank you for calling Anchor Credit Union", turns[0].Text, StringComparison.Ordinal);
    }

    [SamplesFact]
    public async Task Speaker_sample_turns_follow_speaker_changes()
    {
        var path = RepoPaths.Sample(Speakers);

        var turns = await TranscriptReader.ReadTurnsAsync(path, NoNames, CancellationToken.None).ToListAsync();

        Assert.Equal(7, turns.Count);
        Assert.Equal(354, turns.Sum(t => t.WordCount));
        Assert.StartsWith("She was gone out into the village on some errand when, as she", turns[0].Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 7), turns.Select(t => t.Index));
    }
}
