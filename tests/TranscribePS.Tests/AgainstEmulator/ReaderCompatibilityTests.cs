using TranscribePS.Core.Transcripts;
using TranscribePS.Tests.Infrastructure;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Tests.AgainstEmulator;

/// <summary>The module's own transcript readers read every file the emulator writes, with the content it put there.</summary>
public class ReaderCompatibilityTests
{
    private static readonly ConversationScript Visit = new(
    [
        new("CLINICIAN", "Good morning {NAME:Ms. Rivera}, how is the cough?"),
        new("PATIENT", "Better since the inhaler, thank you."),
    ]);

    private static async Task<List<TranscriptItem>> ItemsAsync(TranscribeHarness emulator, string uri)
    {
        var parsed = new Uri(uri);
        string path = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        using var stream = new MemoryStream(emulator.Store.Get(path[..slash], path[(slash + 1)..])!.Data);
        var items = await TranscriptReader.ReadItemsAsync(stream, uri, new TranscriptReadOptions(), CancellationToken.None).ToListAsync();

        return items;
    }

    private static string Text(IEnumerable<TranscriptItem> items) =>
        string.Concat(items.Select(i => i.Type == TranscriptItemType.Punctuation ? i.Content : " " + i.Content)).TrimStart();

    [Fact]
    public async Task Medical_speaker_transcript_reads_back_with_speakers_and_phi()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("read-visit", Visit);
        await emulator.StartMedicalAsync("read-visit", 20, new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 }, contentIdentification: "PHI");
        var items = await ItemsAsync(emulator, (await emulator.GetMedicalAsync("read-visit"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("Good morning Ms. Rivera, how is the cough? Better since the inhaler, thank you.", Text(items));
        Assert.All(items, i => Assert.Equal("read-visit", i.JobName));
        Assert.Equal("spk_0", items.First(i => i.Content == "cough").Speaker);
        Assert.Equal("spk_1", items.First(i => i.Content == "inhaler").Speaker);
        Assert.Equal(["Ms", "Rivera"], items.Where(i => i.IsPhi).Select(i => i.Content).ToList());
    }

    [Fact]
    public async Task Medical_channel_transcript_reads_back_merged_in_time_order()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("read-channels", Visit);
        await emulator.StartMedicalAsync("read-channels", 20, new { ChannelIdentification = true });
        var items = await ItemsAsync(emulator, (await emulator.GetMedicalAsync("read-channels"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("Good morning Ms. Rivera, how is the cough? Better since the inhaler, thank you.", Text(items));
        Assert.Equal("ch_1", items.First(i => i.Content == "inhaler").Channel);
    }

    [Fact]
    public async Task Call_analytics_redacted_transcript_reads_back_with_roles_and_redactions()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("read-call", new ConversationScript(
        [
            new("AGENT", "This is {NAME:Dana}, how can I help?", "POSITIVE"),
            new("CUSTOMER", "I was billed twice.", "NEGATIVE", Insight: "ISSUE"),
        ]));
        await emulator.StartCallAnalyticsAsync("read-call", 20, new { ContentRedaction = new { RedactionType = "PII", RedactionOutput = "redacted" } });
        var items = await ItemsAsync(emulator, (await emulator.GetCallAnalyticsAsync("read-call"))["Transcript"]!["RedactedTranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("This is [PII], how can I help? I was billed twice.", Text(items));
        var redacted = Assert.Single(items, i => i.IsRedacted);
        Assert.Null(redacted.Confidence);
        Assert.Equal("AGENT", redacted.Speaker);
        Assert.Equal("CUSTOMER", items.First(i => i.Content == "billed").Speaker);
    }

    [Fact]
    public async Task Scribe_transcript_reads_back()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("read-scribe", Visit);
        string uri = emulator.PutWav("read-scribe.wav", 20);
        await emulator.CallAsync("StartMedicalScribeJob", new
        {
            MedicalScribeJobName = "read-scribe",
            Media = new { MediaFileUri = uri },
            OutputBucketName = TranscribeHarness.OutputBucket,
            DataAccessRoleArn = TranscribeHarness.RoleArn,
            Settings = new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
        });
        var job = (await emulator.CallAsync("GetMedicalScribeJob", new { MedicalScribeJobName = "read-scribe" }))["MedicalScribeJob"]!;
        var items = await ItemsAsync(emulator, job["MedicalScribeOutput"]!["TranscriptFileUri"]!.GetValue<string>());

        Assert.Equal("Good morning Ms. Rivera, how is the cough? Better since the inhaler, thank you.", Text(items));
    }
}
