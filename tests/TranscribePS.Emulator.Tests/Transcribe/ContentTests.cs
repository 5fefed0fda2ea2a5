using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class ContentTests
{
    private static async Task<JsonObject> MedicalTranscriptAsync(TranscribeHarness emulator, string name, double seconds, object? settings = null)
    {
        await emulator.StartMedicalAsync(name, seconds, settings);
        var job = await emulator.GetMedicalAsync(name);
        return emulator.ReadOutput(job["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
    }

    private static int WordCount(JsonObject transcript) =>
        transcript["results"]!["items"]!.AsArray().Count(i => i!["type"]!.GetValue<string>() == "pronunciation");

    [Fact]
    public async Task Longer_recordings_yield_more_words()
    {
        var emulator = new TranscribeHarness();
        int shortWords = WordCount(await MedicalTranscriptAsync(emulator, "short", 20));
        int mediumWords = WordCount(await MedicalTranscriptAsync(emulator, "medium", 120));
        int longWords = WordCount(await MedicalTranscriptAsync(emulator, "long", 900));

        Assert.True(shortWords > 0);
        Assert.True(mediumWords > shortWords * 3, $"{mediumWords} words in 120 s vs {shortWords} in 20 s");
        Assert.True(longWords > mediumWords * 5, $"{longWords} words in 900 s vs {mediumWords} in 120 s");
    }

    [Fact]
    public async Task Words_stay_inside_the_recording()
    {
        var transcript = await MedicalTranscriptAsync(new TranscribeHarness(), "bounded", 45);

        Assert.All(
            transcript["results"]!["items"]!.AsArray().Where(i => i!["end_time"] is not null),
            i => Assert.True(double.Parse(i!["end_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= 45));
    }

    [Fact]
    public async Task The_same_job_name_always_hears_the_same_conversation()
    {
        var first = await MedicalTranscriptAsync(new TranscribeHarness(), "repeatable", 60);
        var second = await MedicalTranscriptAsync(new TranscribeHarness(), "repeatable", 60);
        var other = await MedicalTranscriptAsync(new TranscribeHarness(), "different", 60);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.NotEqual(first["results"]!["items"]!.ToJsonString(), other["results"]!["items"]!.ToJsonString());
    }

    [Fact]
    public async Task A_clinic_visit_has_a_clinician_and_a_patient()
    {
        var transcript = await MedicalTranscriptAsync(new TranscribeHarness(), "visit", 120, new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 });
        string text = transcript["results"]!["transcripts"]![0]!["transcript"]!.GetValue<string>();

        Assert.StartsWith("Good morning Mr. Alvarez, I'm Dr. Patel.", text, StringComparison.Ordinal);
        var speakers = transcript["results"]!["speaker_labels"]!["segments"]!.AsArray().Select(s => s!["speaker_label"]!.GetValue<string>()).Distinct().Order().ToList();
        Assert.Equal(["spk_0", "spk_1"], speakers);
    }

    [Fact]
    public async Task A_dictation_has_one_speaker()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("dictation.wav", 60);
        var request = new Dictionary<string, object?>(TranscribeHarness.MedicalRequest("dictation", uri, new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 })) { ["Type"] = "DICTATION" };
        await emulator.CallAsync("StartMedicalTranscriptionJob", request);
        var transcript = emulator.ReadOutput((await emulator.GetMedicalAsync("dictation"))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());

        Assert.Equal(1, transcript["results"]!["speaker_labels"]!["speakers"]!.GetValue<int>());
        Assert.StartsWith("This is Dr. Patel dictating", transcript["results"]!["transcripts"]![0]!["transcript"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_script_replaces_the_generated_conversation()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptJob("scripted", new ConversationScript(
        [
            new("CLINICIAN", "How is the knee?"),
            new("PATIENT", "Much better, thanks."),
        ]));

        var transcript = await MedicalTranscriptAsync(emulator, "scripted", 30, new { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 });

        Assert.Equal("How is the knee? Much better, thanks.", transcript["results"]!["transcripts"]![0]!["transcript"]!.GetValue<string>());
        Assert.Equal(["spk_0", "spk_1"], transcript["results"]!["audio_segments"]!.AsArray().Select(s => s!["speaker_label"]!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task A_media_script_applies_to_every_job_reading_that_recording()
    {
        var emulator = new TranscribeHarness();
        emulator.Api.ScriptMedia("s3://media-in/shared.wav", new ConversationScript([new("AGENT", "Hello from the script.")]));
        string uri = emulator.PutWav("shared.wav", 20, 8000, 2);

        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("reader-1", uri));
        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("reader-2", uri));

        foreach (string name in new[] { "reader-1", "reader-2" })
        {
            var document = emulator.ReadOutput((await emulator.GetCallAnalyticsAsync(name))["Transcript"]!["TranscriptFileUri"]!.GetValue<string>());
            Assert.Equal("Hello from the script.", Assert.Single(document["Transcript"]!.AsArray())!["Content"]!.GetValue<string>());
        }
    }

    [Fact]
    public void A_script_without_turns_is_refused()
    {
        var api = new TranscribeHarness().Api;

        Assert.Throws<ArgumentException>(() => api.ScriptJob("empty", new ConversationScript([])));
        Assert.Throws<ArgumentException>(() => api.ScriptJob("blank", new ConversationScript([new("AGENT", " ")])));
    }
}
