using System.Text.Json.Nodes;
using TranscribePS.Emulator.Media;

namespace TranscribePS.Emulator.Tests.Transcribe;

public class FailureReasonTests
{
    private static async Task<JsonObject> FinishMedicalAsync(TranscribeHarness emulator, string mediaUri, string? mediaFormat = null, int? sampleRate = null)
    {
        var request = new Dictionary<string, object?>(TranscribeHarness.MedicalRequest("media-check", mediaUri))
        {
            ["MediaFormat"] = mediaFormat,
            ["MediaSampleRateHertz"] = sampleRate,
        };
        await emulator.CallAsync("StartMedicalTranscriptionJob", TranscribeHarness.Without(request));
        return await emulator.GetMedicalAsync("media-check");
    }

    private static void AssertFailed(JsonObject job, string statusMember, string reason)
    {
        Assert.Equal("FAILED", job[statusMember]!.GetValue<string>());
        Assert.Equal(reason, job["FailureReason"]!.GetValue<string>());
        Assert.NotNull(job["CompletionTime"]);
        Assert.Null(job["Transcript"]?["TranscriptFileUri"]);
    }

    [Fact]
    public async Task Missing_media_object_fails_the_job()
    {
        var emulator = new TranscribeHarness();
        var job = await FinishMedicalAsync(emulator, "s3://media-in/not-uploaded.wav");

        AssertFailed(job, "TranscriptionJobStatus", "The S3 URI that you provided can't be accessed. Make sure that you have read permission and try your request again.");
    }

    [Fact]
    public async Task Media_that_is_not_audio_fails_as_unsupported()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutMedia("notes.wav", "this is a text file, not audio"u8.ToArray());

        AssertFailed(await FinishMedicalAsync(emulator, uri), "TranscriptionJobStatus", "Unsupported media format");
    }

    [Fact]
    public async Task Declared_format_that_differs_from_the_header_fails_the_job()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("really-wav.mp3", 10);

        AssertFailed(await FinishMedicalAsync(emulator, uri, mediaFormat: "mp3"), "TranscriptionJobStatus", "The media format provided does not match the detected media format");
    }

    [Fact]
    public async Task Declared_format_that_matches_the_header_completes()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutMedia("visit.flac", SyntheticMedia.Flac(10, 16000));

        var job = await FinishMedicalAsync(emulator, uri, mediaFormat: "flac");

        Assert.Equal("COMPLETED", job["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Equal("flac", job["MediaFormat"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("flac")]
    public async Task Medical_audio_under_16_kHz_fails_with_invalid_sample_rate(string format)
    {
        var emulator = new TranscribeHarness();
        byte[] data = format == "wav" ? SyntheticMedia.Wav(10, 8000) : SyntheticMedia.Flac(10, 8000);
        string uri = emulator.PutMedia("phone." + format, data);

        AssertFailed(await FinishMedicalAsync(emulator, uri), "TranscriptionJobStatus", "Invalid sample rate for audio file");
    }

    [Fact]
    public async Task Declared_sample_rate_that_differs_from_the_audio_fails_the_job()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("visit-44k.wav", 10, 44100);

        AssertFailed(await FinishMedicalAsync(emulator, uri, sampleRate: 16000), "TranscriptionJobStatus", "Invalid sample rate for audio file");
    }

    [Fact]
    public async Task Audio_shorter_than_half_a_second_fails_as_too_short()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("blip.wav", 0.3);

        AssertFailed(await FinishMedicalAsync(emulator, uri), "TranscriptionJobStatus", "The input media file length is too small. Minimum audio duration is 0.500000 milliseconds. Check the length of the file and try your request again.");
    }

    [Fact]
    public async Task Audio_of_half_a_second_completes()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("short.wav", 0.5);

        Assert.Equal("COMPLETED", (await FinishMedicalAsync(emulator, uri))["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Audio_longer_than_four_hours_fails_as_too_large()
    {
        var emulator = new TranscribeHarness();
        string uri = PutWhole(emulator, "marathon.wav", SyntheticMedia.WavHeaderOnly(4 * 3600 + 60));

        var job = await FinishMedicalAsync(emulator, uri);

        Assert.Equal("FAILED", job["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.StartsWith("Invalid file size: file size too large.", job["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wav_of_44_bytes_that_declares_three_hours_fails_as_too_short()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutMedia("cut.wav", SyntheticMedia.WavHeaderOnly(3 * 3600));

        var job = await FinishMedicalAsync(emulator, uri);

        Assert.Equal("FAILED", job["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.Equal(
            "The input media file length is too small. Minimum audio duration is 0.500000 milliseconds. Check the length of the file and try your request again.",
            job["FailureReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wav_cut_short_is_read_for_the_audio_it_holds_not_for_its_header()
    {
        var emulator = new TranscribeHarness();
        byte[] data = [.. SyntheticMedia.WavHeaderOnly(5 * 3600), .. new byte[16_000 * 2 * 3]];
        string uri = emulator.PutMedia("cut-after-3s.wav", data);

        var job = await FinishMedicalAsync(emulator, uri);

        // Five hours declared would fail as too long; the three seconds present complete.
        Assert.Equal("COMPLETED", job["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flac_of_its_header_alone_that_declares_three_hours_fails_as_too_short()
    {
        var emulator = new TranscribeHarness();
        byte[] whole = SyntheticMedia.Flac(3 * 3600);
        string uri = emulator.PutMedia("cut.flac", whole[..42]);

        var job = await FinishMedicalAsync(emulator, uri, mediaFormat: "flac");

        Assert.Equal("FAILED", job["TranscriptionJobStatus"]!.GetValue<string>());
        Assert.StartsWith("The input media file length is too small.", job["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flac_cut_short_is_read_for_the_frames_it_holds_not_for_its_streaminfo()
    {
        var emulator = new TranscribeHarness();
        byte[] whole = SyntheticMedia.Flac(5 * 3600);
        // About three seconds of frames: STREAMINFO's five hours would fail as too long.
        string uri = emulator.PutMedia("cut-after-3s.flac", whole[..(42 + (whole.Length - 42) * 3 / (5 * 3600))]);

        var job = await FinishMedicalAsync(emulator, uri, mediaFormat: "flac");

        Assert.Equal("COMPLETED", job["TranscriptionJobStatus"]!.GetValue<string>());
    }

    /// <summary>
    /// A whole recording of the length its header declares, the audio zeroed: a large array the emulator never
    /// touches past the header (no MD5 over it), so it costs address space, not memory.
    /// </summary>
    private static string PutWhole(TranscribeHarness emulator, string key, byte[] header)
    {
        var data = new byte[header.Length + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40))];
        header.CopyTo(data, 0);
        emulator.Store.Put(new TranscribePS.Emulator.Storage.StoredObject(TranscribeHarness.MediaBucket, key, data, "audio/wav", "\"0\"", emulator.Clock.GetUtcNow(), new Dictionary<string, string>()));
        return $"s3://{TranscribeHarness.MediaBucket}/{key}";
    }

    [Fact]
    public async Task Call_analytics_file_over_500_MB_fails_as_too_large()
    {
        var emulator = new TranscribeHarness();
        var data = new byte[(500 * 1024 * 1024) + 1];
        SyntheticMedia.WavHeaderOnly(60, 8000, 2).CopyTo(data, 0);
        emulator.Store.Put(new TranscribePS.Emulator.Storage.StoredObject(TranscribeHarness.MediaBucket, "huge.wav", data, "audio/wav", "\"0\"", emulator.Clock.GetUtcNow(), new Dictionary<string, string>()));

        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("huge-call", "s3://media-in/huge.wav"));
        var job = await emulator.GetCallAnalyticsAsync("huge-call");

        Assert.Equal("FAILED", job["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.StartsWith("Invalid file size: file size too large.", job["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_of_mono_audio_fails_on_channels()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("mono-call.wav", 30, 8000, 1);

        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("mono-call", uri));
        var job = await emulator.GetCallAnalyticsAsync("mono-call");

        Assert.Equal("FAILED", job["CallAnalyticsJobStatus"]!.GetValue<string>());
        Assert.StartsWith("Invalid number of channels: number of channels too small", job["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_of_more_than_two_channels_fails_as_too_many()
    {
        var emulator = new TranscribeHarness();
        string uri = emulator.PutWav("conference.wav", 30, 8000, 4);

        await emulator.CallAsync("StartCallAnalyticsJob", TranscribeHarness.CallAnalyticsRequest("conference", uri));
        var job = await emulator.GetCallAnalyticsAsync("conference");

        Assert.Equal("Invalid number of channels: number of channels too large", job["FailureReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Media_named_by_an_https_s3_url_is_read_like_an_s3_uri()
    {
        var emulator = new TranscribeHarness();
        emulator.PutWav("folder/visit one.wav", 10);

        var job = await FinishMedicalAsync(emulator, "https://s3.us-east-1.amazonaws.com/media-in/folder/visit%20one.wav");

        Assert.Equal("COMPLETED", job["TranscriptionJobStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_job_appears_under_the_failed_status_filter()
    {
        var emulator = new TranscribeHarness();
        await FinishMedicalAsync(emulator, "s3://media-in/missing.wav");

        var list = await emulator.CallAsync("ListMedicalTranscriptionJobs", new { Status = "FAILED" });
        var summary = Assert.Single(list["MedicalTranscriptionJobSummaries"]!.AsArray())!;
        Assert.StartsWith("The S3 URI that you provided can't be accessed.", summary["FailureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
