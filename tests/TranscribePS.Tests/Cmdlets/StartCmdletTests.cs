using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class StartCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tps-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WhatIf_asks_per_recording_and_uploads_nothing_and_calls_nothing()
    {
        var files = new[] { Recording("a.wav"), Recording("b.wav") };

        using var cmdlet = Medical(files);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path") { Approve = false });

        Assert.Equal(files.Order(), host.ShouldProcessCalls.Select(c => c.Target).Order());
        Assert.All(host.ShouldProcessCalls, c => Assert.Contains("s3://" + CmdletTestSupport.Bucket, c.Action, StringComparison.Ordinal));
        Assert.Empty(host.Objects);
        Assert.Empty(host.Errors);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void A_rerun_reuses_the_job_and_neither_uploads_nor_starts_again()
    {
        var file = Recording("visit-0412.wav");

        using var first = Medical([file]);
        var started = Assert.Single(CmdletRunner.Run(first, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());
        using var second = Medical([file]);
        var host = CmdletRunner.Run(second, new RecordingHost("Path"));

        var reused = Assert.Single(host.ObjectsOf<TranscriptionJob>());
        Assert.Equal(started.JobName, reused.JobName);
        Assert.StartsWith("visit-0412", reused.JobName, StringComparison.Ordinal);
        Assert.Contains(host.Verbose, v => v.StartsWith("Reused", StringComparison.Ordinal));
        Assert.Equal(1, Server.Requests["StartMedicalTranscriptionJob"]);
        Assert.Equal(1, Server.Requests["PutObject"]);
    }

    [Fact]
    public void One_bad_recording_among_good_ones_gives_one_error_with_its_id_and_path_and_the_others_start()
    {
        var good1 = Recording("good1.wav");
        var phone = Recording("phone.wav", sampleRate: 8000);
        var good2 = Recording("good2.wav");

        using var cmdlet = Medical([Path.Combine(_folder, "*.wav")]);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("SampleRateTooLow", error.ErrorId);
        Assert.Equal(phone, error.Target);
        Assert.Equal(ErrorCategory.InvalidData, error.Category);
        Assert.Equal(2, host.ObjectsOf<TranscriptionJob>().Count());
        Assert.Equal(2, Server.Requests["StartMedicalTranscriptionJob"]);
        Assert.DoesNotContain(Server.Store.List(CmdletTestSupport.Bucket), o => o.Key.Contains("phone", StringComparison.Ordinal));
        Assert.Contains(good1, host.Verbose.Single(v => v.Contains("good1", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(host.Verbose, v => v.Contains(good2, StringComparison.Ordinal));
    }

    [Fact]
    public void Wait_emits_the_finished_job_with_its_transcript_location()
    {
        using var cmdlet = Medical([Recording("a.wav")]);
        cmdlet.WaitOn = true;
        cmdlet.PollInterval = TimeSpan.FromMilliseconds(50);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        var job = Assert.Single(host.ObjectsOf<TranscriptionJob>());
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.NotNull(job.TranscriptUri);
    }

    [Fact]
    public void A_mono_call_is_refused_before_upload_with_NotStereo()
    {
        var mono = Recording("call.wav");

        using var cmdlet = new StartCallAnalyticsJobCommand { Path = [mono], OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("NotStereo", error.ErrorId);
        Assert.Equal(mono, error.Target);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void A_stereo_call_starts_a_call_analytics_job()
    {
        var call = Recording("call.wav", channels: 2);

        using var cmdlet = new StartCallAnalyticsJobCommand { Path = [call], OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Empty(host.Errors);
        Assert.Equal(JobKind.CallAnalytics, Assert.Single(host.ObjectsOf<TranscriptionJob>()).Kind);
    }

    [Fact]
    public void Contradictory_parameters_stop_the_cmdlet_once_before_any_work()
    {
        using var cmdlet = Medical([Recording("a.wav")]);
        cmdlet.MaxSpeakers = 3;
        cmdlet.ChannelIdentificationOn = true;

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Path")));

        Assert.Equal("SpeakersAndChannels", thrown.Error.ErrorId);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void A_timeout_that_cannot_work_stops_the_cmdlet_before_any_upload_or_start(int seconds)
    {
        using var cmdlet = Medical([Recording("a.wav"), Recording("b.wav")]);
        cmdlet.WaitOn = true;
        cmdlet.Timeout = TimeSpan.FromSeconds(seconds);

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Path")));

        Assert.Equal("InvalidWaitOptions", thrown.Error.ErrorId);
        Assert.Contains("Timeout", thrown.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void A_poll_interval_without_Wait_is_refused_before_any_upload_or_start()
    {
        using var cmdlet = Medical([Recording("a.wav")]);
        cmdlet.PollInterval = TimeSpan.FromSeconds(5);

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Path")));

        Assert.Equal("WaitSettingsWithoutWait", thrown.Error.ErrorId);
        Assert.Contains("-Wait", thrown.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void JobName_with_more_than_one_recording_refuses_the_extra_ones()
    {
        var files = new[] { Recording("a.wav"), Recording("b.wav") };

        using var cmdlet = Medical(files);
        cmdlet.JobName = "visit-fixed";
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"));

        Assert.Equal("visit-fixed", Assert.Single(host.ObjectsOf<TranscriptionJob>()).JobName);
        var error = Assert.Single(host.Errors);
        Assert.Equal("JobNameWithManyRecordings", error.ErrorId);
        Assert.Equal(files[1], error.Target);
    }

    private StartMedicalConversationJobCommand Medical(string[] paths)
        => new StartMedicalConversationJobCommand { Path = paths, OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);

    private string Recording(string name, int sampleRate = 16000, int channels = 1)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, SyntheticMedia.Wav(1.5, sampleRate, channels));
        return path;
    }
}
