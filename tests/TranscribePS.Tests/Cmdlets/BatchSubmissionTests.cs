using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Submission;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>Many recordings through one Start cmdlet, against the emulator's AWS request quotas: counts of calls per operation.</summary>
public sealed class BatchSubmissionTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private const int Recordings = 30;
    private readonly string _folder = Directory.CreateTempSubdirectory("tps-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_fresh_batch_checks_existence_with_one_list_and_makes_no_head_and_no_get_past_the_first_few()
    {
        var host = Run(Batch(), new RecordingHost("Path"));

        Assert.Empty(host.Errors);
        Assert.Equal(Recordings, host.ObjectsOf<TranscriptionJob>().Select(j => j.JobName).Distinct().Count());
        // Start requests the quota turned away are counted by the server but never reached the service.
        Assert.Equal(Recordings, Server.Transcribe.StartAttempts.Count);
        Assert.Equal(Recordings, Server.Requests["PutObject"]);
        Assert.Equal(1, Server.Requests["ListMedicalTranscriptionJobs"]);
        Assert.Equal(1, Server.Requests["ListObjectsV2"]);
        Assert.Equal(SubmissionOptions.Default.ExistenceListFrom - 1, Server.Requests["GetMedicalTranscriptionJob"]);
        Assert.Equal(0, Server.Requests["HeadObject"]);
    }

    [Fact]
    public void A_rerun_of_a_finished_batch_returns_every_job_and_starts_and_uploads_nothing()
    {
        var first = Run(Batch(), new RecordingHost("Path")).ObjectsOf<TranscriptionJob>().Select(j => j.JobName).Order().ToList();

        var rerun = Run(Batch(), new RecordingHost("Path"));

        Assert.Empty(rerun.Errors);
        Assert.Equal(first, rerun.ObjectsOf<TranscriptionJob>().Select(j => j.JobName).Order());
        Assert.Equal(Recordings, Server.Transcribe.StartAttempts.Count);
        Assert.Equal(Recordings, Server.Requests["PutObject"]);
        Assert.Equal(0, Server.Requests["HeadObject"]);
    }

    [Theory]
    [InlineData("StartMedicalTranscriptionJob", "Throttle")]
    [InlineData("StartMedicalTranscriptionJob", "Error")]
    [InlineData("PutObject", "Throttle")]
    [InlineData("PutObject", "Error")]
    [InlineData("ListMedicalTranscriptionJobs", "Throttle")]
    public void A_burst_of_throttles_or_faults_costs_time_not_recordings(string operation, string action)
    {
        Server.Faults.Add(Fault(operation, action).OnCalls(2, 12));

        var host = Run(Batch(), new RecordingHost("Path"));

        Assert.Empty(host.Errors);
        Assert.Equal(Recordings, host.ObjectsOf<TranscriptionJob>().Select(j => j.JobName).Distinct().Count());
        Assert.Equal(Recordings, Server.Transcribe.Jobs.Count);
    }

    [Fact]
    public void Recordings_piped_one_by_one_are_all_started_with_a_throttle_limit()
    {
        var files = Files();
        using var cmdlet = new StartMedicalConversationJobCommand { OutputBucket = CmdletTestSupport.Bucket, ThrottleLimit = 4 }.UseEmulator(Server);

        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Path"), [.. files.Select(f => (Action<StartMedicalConversationJobCommand>)(c => c.Path = [f]))]);

        Assert.Empty(host.Errors);
        Assert.Equal(files.Length, host.ObjectsOf<TranscriptionJob>().Count());
    }

    private static FaultRule Fault(string operation, string action) => action == "Throttle"
        ? FaultRule.Throttle(operation)
        : FaultRule.Error(operation, 500, operation.StartsWith("Start", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) ? "InternalFailureException" : "InternalError");

    private static RecordingHost Run(StartMedicalConversationJobCommand cmdlet, RecordingHost host)
    {
        using (cmdlet)
        {
            return CmdletRunner.Run(cmdlet, host);
        }
    }

    private StartMedicalConversationJobCommand Batch()
        => new StartMedicalConversationJobCommand { Path = [Path.Combine(Files()[0], "..", "*.wav")], OutputBucket = CmdletTestSupport.Bucket }.UseEmulator(Server);

    private string[] Files()
    {
        var files = Enumerable.Range(1, Recordings).Select(i => Path.Combine(_folder, $"visit-{i:000}.wav")).ToArray();
        for (int i = 0; i < files.Length; i++)
        {
            if (!File.Exists(files[i]))
            {
                // Each recording its own bytes: content-addressed names and keys must differ.
                File.WriteAllBytes(files[i], SyntheticMedia.Wav(1.0 + (i * 0.01), 16000, 1));
            }
        }

        return files;
    }
}
