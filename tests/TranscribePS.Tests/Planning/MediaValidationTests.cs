using TranscribePS.Emulator.Media;
using TranscribePS.Core.Jobs;
using static TranscribePS.Tests.Planning.PlanningTestData;

namespace TranscribePS.Tests.Planning;

public sealed class MediaValidationTests : IDisposable
{
    private readonly PlanningMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Missing_file_is_MediaNotFound_with_the_path_as_target()
    {
        string path = Path.Combine(_media.Folder, "nowhere.wav");

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal("MediaNotFound", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.ObjectNotFound, problem.Category);
        Assert.Equal(path, problem.Target);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_locked_by_its_writer_is_MediaUnreadable()
    {
        string path = _media.Wav("recording-now.wav");
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal("MediaUnreadable", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.ReadError, problem.Category);
        Assert.Equal(path, problem.Target);
        Assert.Contains("wait until it finishes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_MediaEmpty()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_media.Empty("blank.wav"))));

        Assert.Equal("MediaEmpty", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.InvalidData, problem.Category);
    }

    [Fact]
    public async Task File_with_an_unknown_header_is_MediaFormatUnsupported()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_media.Text("notes.txt", "not audio at all"))));

        Assert.Equal("MediaFormatUnsupported", problem.ErrorId);
        Assert.Contains("Convert", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extension_that_disagrees_with_the_header_is_MediaFormatMismatch()
    {
        string path = _media.Write("call.wav", File.ReadAllBytes(_media.Mp3("source.mp3")));

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal("MediaFormatMismatch", problem.ErrorId);
        Assert.Contains(".mp3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task M4a_content_named_mp4_is_not_a_mismatch()
    {
        byte[] ftyp = [0, 0, 0, 0x20, .. "ftypM4A "u8.ToArray(), .. new byte[200]];
        string path = _media.Write("visit.mp4", ftyp);

        var result = await PlanAsync(MedicalRequest(path));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal("m4a", result.Plan!.MediaFormat);
    }

    [Fact]
    public void Medical_recording_over_2_GiB_is_MediaTooLarge()
    {
        string path = _media.SparseWav("huge.wav", JobRules.MedicalMaxBytes + 1);

        var problem = SingleProblem(JobPlanner.Plan(MedicalRequest(path), ProbeOnly(path)));

        Assert.Equal("MediaTooLarge", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.LimitsExceeded, problem.Category);
        Assert.Contains("2 GiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_over_500_MiB_is_MediaTooLarge_while_medical_takes_it()
    {
        string path = _media.SparseWav("long-call.wav", JobRules.CallAnalyticsMaxBytes + 1);

        var problem = SingleProblem(JobPlanner.Plan(CallRequest(path), ProbeOnly(path)));
        var medical = JobPlanner.Plan(MedicalRequest(path), ProbeOnly(path));

        Assert.Equal("MediaTooLarge", problem.ErrorId);
        Assert.Contains("500 MiB", problem.Message, StringComparison.Ordinal);
        Assert.True(medical.Succeeded);
    }

    [Fact]
    public async Task Phone_audio_at_8_kHz_is_SampleRateTooLow_for_medical()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_media.Wav("phone.wav", sampleRate: 8_000))));

        Assert.Equal("SampleRateTooLow", problem.ErrorId);
        Assert.Contains("8000 Hz", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_analytics_accepts_8_kHz_stereo()
    {
        var result = await PlanAsync(CallRequest(_media.Wav("phone.wav", channels: 2, sampleRate: 8_000)));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Flac_at_96_kHz_is_SampleRateTooHigh_for_medical()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_media.Flac("studio.flac", sampleRate: 96_000))));

        Assert.Equal("SampleRateTooHigh", problem.ErrorId);
    }

    [Fact]
    public async Task Recording_under_half_a_second_is_MediaTooShort()
    {
        var problem = SingleProblem(await PlanAsync(MedicalRequest(_media.Wav("blip.wav", seconds: 0.2))));

        Assert.Equal("MediaTooShort", problem.ErrorId);
    }

    [Fact]
    public async Task Recording_over_four_hours_is_MediaTooLong()
    {
        string path = _media.LongWav("marathon.wav", seconds: 15_625);

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal(44 + (15_625L * 32_000), new FileInfo(path).Length);
        Assert.Equal("MediaTooLong", problem.ErrorId);
        Assert.Contains("4:20:25", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(12.5, "12.5 s")]
    public async Task Recording_shorter_than_its_header_says_is_MediaTruncated_with_declared_and_actual_length(double present, string holds)
    {
        string path = _media.TruncatedWav("cut.wav", declaredSeconds: 3 * 3600, presentSeconds: present);

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal("MediaTruncated", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.InvalidData, problem.Category);
        Assert.Equal(path, problem.Target);
        Assert.Equal(
            $"'{path}' is cut short: its header declares 3:00:00 of audio, but the file holds {holds}. A copy, download or recording that did not finish leaves such a file; copy or export the recording again, then run the command again.",
            problem.Message);
    }

    [Fact]
    public async Task Flac_cut_short_is_MediaTruncated()
    {
        byte[] whole = SyntheticMedia.Flac(60, 16_000, 1);
        string path = Path.Combine(Path.GetDirectoryName(_media.Flac("whole.flac", channels: 1, seconds: 60))!, "cut.flac");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var problem = SingleProblem(await PlanAsync(MedicalRequest(path)));

        Assert.Equal("MediaTruncated", problem.ErrorId);
        Assert.Matches(@"is cut short: its header declares 0:01:00 of audio, but the file holds (29|30)(\.\d+)? s\.", problem.Message);
    }

    [Fact]
    public async Task Mono_call_is_NotStereo_and_the_message_says_why_and_what_to_do()
    {
        var problem = SingleProblem(await PlanAsync(CallRequest(_media.Wav("mono-call.wav", channels: 1))));

        Assert.Equal("NotStereo", problem.ErrorId);
        Assert.Equal(PlanProblemCategory.InvalidData, problem.Category);
        Assert.Contains("cannot be split into agent and customer", problem.Message, StringComparison.Ordinal);
        Assert.Contains("dual-channel", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Start-TranscriptionJob", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mono_flac_call_is_NotStereo_but_mono_medical_is_fine()
    {
        string path = _media.Flac("mono.flac", channels: 1);

        var problem = SingleProblem(await PlanAsync(CallRequest(path)));
        var medical = await PlanAsync(MedicalRequest(path));

        Assert.Equal("NotStereo", problem.ErrorId);
        Assert.True(medical.Succeeded);
    }

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var request = MedicalRequest(_media.Wav("phone.wav", sampleRate: 8_000)) with { OutputBucket = "Bad_Bucket", VocabularyName = "no spaces allowed" };

        var result = await PlanAsync(request);

        Assert.Equal(["InvalidBucketName", "InvalidVocabularyName", "SampleRateTooLow"], result.Problems.Select(p => p.ErrorId).Order());
    }
}
