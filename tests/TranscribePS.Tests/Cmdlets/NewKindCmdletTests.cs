using System.Collections;
using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Scribe;
using TranscribePS.Core.Transcripts;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>Start-TranscriptionJob and Start-MedicalScribeJob against the emulator, and the job cmdlets with -Kind for them.</summary>
public sealed class NewKindCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tps-kinds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_folder_of_mono_8_kHz_calls_becomes_finished_standard_jobs_and_named_turns()
    {
        Recording("call-1.wav", sampleRate: 8000, seconds: 12);
        Recording("call-2.wav", sampleRate: 8000, seconds: 14);

        using var start = Standard([Path.Combine(_folder, "*.wav")]);
        start.WaitOn = true;
        start.PollInterval = TimeSpan.FromMilliseconds(50);
        var started = CmdletRunner.Run(start, new RecordingHost("Path"));
        var jobs = started.ObjectsOf<TranscriptionJob>().ToArray();
        using var turns = new GetTranscriptTurnCommand { SpeakerName = new Hashtable { ["spk_0"] = "Agent", ["spk_1"] = "Customer" } }.UseEmulator(Server);
        var read = CmdletRunner.Run(turns, new RecordingHost("Job"), jobs.Select(j => (Action<GetTranscriptTurnCommand>)(c => c.InputObject = [j])).ToArray());

        Assert.Empty(started.Errors);
        Assert.Equal(2, jobs.Length);
        Assert.All(jobs, j => Assert.Equal((JobKind.Standard, JobStatus.Completed, "en-US"), (j.Kind, j.Status, j.LanguageCode)));
        Assert.Equal(2, Server.Requests["StartTranscriptionJob"]);
        Assert.Empty(read.Errors);
        Assert.Equal(["Agent", "Customer"], read.ObjectsOf<TranscriptTurn>().Select(t => t.SpeakerName).Distinct().Order());
        Assert.Equal(2, read.ObjectsOf<TranscriptTurn>().Select(t => t.JobName).Distinct().Count());
    }

    [Fact]
    public void WhatIf_asks_per_recording_and_a_rerun_reuses_the_job_without_uploading_or_starting_again()
    {
        var call = Recording("call.wav", sampleRate: 8000);

        using (var whatIf = Standard([call]))
        {
            var asked = CmdletRunner.Run(whatIf, new RecordingHost("Path") { Approve = false });
            Assert.Contains("Start transcription job 'call-", Assert.Single(asked.ShouldProcessCalls).Action, StringComparison.Ordinal);
            Assert.Equal(0, Server.Requests.Total);
        }

        using var first = Standard([call]);
        var job = Assert.Single(CmdletRunner.Run(first, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());
        using var second = Standard([call]);
        var again = CmdletRunner.Run(second, new RecordingHost("Path"));

        Assert.Equal(job.JobName, Assert.Single(again.ObjectsOf<TranscriptionJob>()).JobName);
        Assert.Contains(again.Verbose, v => v.StartsWith("Reused", StringComparison.Ordinal));
        Assert.Equal(1, Server.Requests["StartTranscriptionJob"]);
        Assert.Equal(1, Server.Requests["PutObject"]);
    }

    [Fact]
    public void Subtitles_are_written_beside_the_transcript_saved_with_it_and_removed_with_it()
    {
        using var start = Standard([Recording("lecture.wav", seconds: 20)]);
        start.Subtitle = [SubtitleFormat.Srt, SubtitleFormat.Vtt];
        start.SubtitleStartIndex = 1;
        start.OutputKeyPrefix = "lectures/";
        start.WaitOn = true;
        start.PollInterval = TimeSpan.FromMilliseconds(50);
        var job = Assert.Single(CmdletRunner.Run(start, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());

        using var save = new SaveTranscribeOutputCommand { InputObject = [job], Destination = _folder }.UseEmulator(Server);
        var saved = CmdletRunner.Run(save, new RecordingHost()).ObjectsOf<FileInfo>().Select(f => f.Name).Order().ToArray();
        using var remove = new RemoveTranscribeJobCommand { InputObject = [job], IncludeOutputOn = true }.UseEmulator(Server);
        var removed = CmdletRunner.Run(remove, new RecordingHost("InputObject"));

        Assert.Equal(2, job.SubtitleUris.Count);
        Assert.All(job.SubtitleUris, u => Assert.Contains("/lectures/" + job.JobName + ".", u, StringComparison.Ordinal));
        Assert.Equal([job.JobName + ".json", job.JobName + ".srt", job.JobName + ".vtt"], saved);
        Assert.StartsWith("1\n00:00:", File.ReadAllText(Path.Combine(_folder, job.JobName + ".srt")), StringComparison.Ordinal);
        Assert.StartsWith("WEBVTT\n\n1\n00:00:", File.ReadAllText(Path.Combine(_folder, job.JobName + ".vtt")), StringComparison.Ordinal);
        Assert.Empty(removed.Errors);
        Assert.Empty(Server.Store.List(CmdletTestSupport.Bucket, "lectures/"));
    }

    [Fact]
    public void A_stereo_call_with_channel_identification_reads_back_with_channel_names()
    {
        using var start = Standard([Recording("stereo.wav", channels: 2, seconds: 12)]);
        start.ChannelIdentificationOn = true;
        start.WaitOn = true;
        start.PollInterval = TimeSpan.FromMilliseconds(50);
        var job = Assert.Single(CmdletRunner.Run(start, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());

        using var turns = new GetTranscriptTurnCommand { InputObject = [job], SpeakerName = new Hashtable { ["ch_0"] = "Agent", ["ch_1"] = "Customer" } }.UseEmulator(Server);
        var read = CmdletRunner.Run(turns, new RecordingHost("Job"));

        Assert.Empty(read.Errors);
        Assert.Equal(["Agent", "Customer"], read.ObjectsOf<TranscriptTurn>().Select(t => t.SpeakerName).Distinct().Order());
        Assert.Equal(["ch_0", "ch_1"], read.ObjectsOf<TranscriptTurn>().Select(t => t.Channel).Distinct().Order());
    }

    [Fact]
    public void Contradictory_standard_parameters_stop_the_cmdlet_once_before_any_work()
    {
        using var cmdlet = Standard([Recording("a.wav")]);
        cmdlet.LanguageCode = "en-US";
        cmdlet.IdentifyLanguageOn = true;

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Path")));

        Assert.Equal("LanguageCodeAndIdentification", thrown.Error.ErrorId);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void A_visit_becomes_a_finished_HealthScribe_job_whose_note_reads_back()
    {
        using var start = Scribe([Recording("visit.wav", seconds: 30)]);
        start.NoteTemplate = "PHYSICAL_SOAP";
        start.WaitOn = true;
        start.PollInterval = TimeSpan.FromMilliseconds(50);
        var job = Assert.Single(CmdletRunner.Run(start, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());

        using var note = new GetClinicalNoteCommand { InputObject = [job] }.UseEmulator(Server);
        var read = CmdletRunner.Run(note, new RecordingHost("Job"));

        Assert.Equal((JobKind.Scribe, JobStatus.Completed, "en-US"), (job.Kind, job.Status, job.LanguageCode));
        Assert.NotNull(job.ClinicalDocumentUri);
        Assert.Empty(read.Errors);
        Assert.Equal(["SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"], read.ObjectsOf<ClinicalNoteSection>().Select(s => s.Section));
    }

    [Fact]
    public async Task Clinician_channel_alone_sends_two_channel_definitions_with_the_patient_on_the_other_channel()
    {
        using var start = Scribe([Recording("visit.wav", channels: 2, seconds: 10)]);
        start.ClinicianChannel = 1;
        var job = Assert.Single(CmdletRunner.Run(start, new RecordingHost("Path")).ObjectsOf<TranscriptionJob>());

        using var client = CmdletTestSupport.Client(Server);
        var wire = (await client.GetMedicalScribeJobAsync(new() { MedicalScribeJobName = job.JobName }, CancellationToken.None)).MedicalScribeJob!;

        Assert.Equal(true, wire.Settings!.ChannelIdentification);
        Assert.Equal([(1, MedicalScribeParticipantRole.Clinician), (0, MedicalScribeParticipantRole.Patient)], wire.ChannelDefinitions!.Select(d => (d.ChannelId, d.ParticipantRole)));
    }

    [Fact]
    public void A_phone_recording_among_visits_is_one_SampleRateTooLow_error_naming_Start_TranscriptionJob_and_the_visit_starts()
    {
        var phone = Recording("phone.wav", sampleRate: 8000);
        Recording("visit.wav");

        using var start = Scribe([Path.Combine(_folder, "*.wav")]);
        var host = CmdletRunner.Run(start, new RecordingHost("Path"));

        var error = Assert.Single(host.Errors);
        Assert.Equal(("SampleRateTooLow", ErrorCategory.InvalidData, (object?)phone), (error.ErrorId, error.Category, error.Target));
        Assert.Contains("Start-TranscriptionJob", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Requests["StartMedicalScribeJob"]);
    }

    [Theory]
    [InlineData("speakers-and-channels", "SpeakersAndChannels")]
    [InlineData("same-channel", "SameClinicianPatientChannel")]
    public void Contradictory_HealthScribe_parameters_stop_the_cmdlet_once_before_any_work(string scenario, string errorId)
    {
        using var start = Scribe([Recording("visit.wav", channels: 2)]);
        if (scenario == "speakers-and-channels")
        {
            start.MaxSpeakers = 3;
            start.PatientChannel = 0;
        }
        else
        {
            start.ClinicianChannel = 0;
            start.PatientChannel = 0;
        }

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(start, new RecordingHost("Path")));

        Assert.Equal(errorId, thrown.Error.ErrorId);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void Kind_Standard_and_Kind_Scribe_find_wait_for_and_remove_their_jobs_with_their_output()
    {
        using (var scribe = Scribe([Recording("visit.wav", seconds: 10)]))
        {
            CmdletRunner.Run(scribe, new RecordingHost("Path"));
        }

        using (var standard = Standard([Recording("call.wav", sampleRate: 8000)]))
        {
            CmdletRunner.Run(standard, new RecordingHost("Path"));
        }

        using var list = new GetTranscribeJobCommand { Kind = "Scribe" }.UseEmulator(Server);
        var scribeJob = Assert.Single(CmdletRunner.Run(list, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>());
        using var wait = new WaitTranscribeJobCommand { Name = [scribeJob.JobName], Kind = "Scribe", PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        var finished = Assert.Single(CmdletRunner.Run(wait, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>());
        using var standardList = new GetTranscribeJobCommand { Kind = "Standard", Status = JobStatus.Completed }.UseEmulator(Server);
        var standardJob = Assert.Single(CmdletRunner.Run(standardList, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>());
        using var remove = new RemoveTranscribeJobCommand { Name = [scribeJob.JobName, standardJob.JobName], IncludeOutputOn = true }.UseEmulator(Server);
        var removed = CmdletRunner.Run(remove, new RecordingHost("Name"));

        Assert.Equal(JobKind.Scribe, scribeJob.Kind);
        Assert.Equal(JobStatus.Completed, finished.Status);
        Assert.Equal(JobKind.Standard, standardJob.Kind);
        Assert.Empty(removed.Errors);
        Assert.DoesNotContain(Server.Store.List(CmdletTestSupport.Bucket), o => o.Key.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(1, Server.Requests["DeleteMedicalScribeJob"]);
        Assert.Equal(1, Server.Requests["DeleteTranscriptionJob"]);
    }

    private StartTranscriptionJobCommand Standard(string[] paths)
        => new StartTranscriptionJobCommand { Path = paths, OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);

    private StartMedicalScribeJobCommand Scribe(string[] paths)
        => new StartMedicalScribeJobCommand { Path = paths, OutputBucket = CmdletTestSupport.Bucket, DataAccessRoleArn = CmdletTestSupport.RoleArn }.UseEmulator(Server);

    private string Recording(string name, int sampleRate = 16000, int channels = 1, double seconds = 2)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, SyntheticMedia.Wav(seconds, sampleRate, channels));
        return path;
    }
}
