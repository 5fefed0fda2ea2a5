using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;
using TranscribePS.Emulator.Control;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>What finished jobs lead to: transcripts read from S3 with the same credentials, and saved output.</summary>
public sealed class OutputCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tps-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Items_of_a_finished_job_are_read_from_its_output_and_a_failed_job_gives_an_error()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "visit-0412");
        await CmdletTestSupport.StartMedicalAsync(Server, "phone-call", sampleRate: 8000);
        using var wait = new WaitTranscribeJobCommand { Name = ["visit-0412", "phone-call"], Kind = "Medical", PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        var waited = CmdletRunner.Run(wait, new RecordingHost("Name"));
        var done = Assert.Single(waited.ObjectsOf<TranscriptionJob>());
        var failed = Assert.IsType<TranscriptionJob>(Assert.Single(waited.Errors).Target);

        using var cmdlet = new GetTranscriptItemCommand().UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Job"), c => c.InputObject = [failed], c => c.InputObject = [done]);

        var items = host.ObjectsOf<TranscriptItem>().ToArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("visit-0412", i.JobName));
        Assert.All(items, i => Assert.StartsWith("spk_", i.Speaker, StringComparison.Ordinal));
        var error = Assert.Single(host.Errors);
        Assert.Equal("TranscriptNotAvailable", error.ErrorId);
        Assert.Equal("phone-call", Assert.IsType<TranscriptionJob>(error.Target).JobName);
        Assert.Contains("FAILED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_writes_the_transcript_once_and_keeps_existing_files_without_Force()
    {
        var job = await FinishedJobAsync("visit-0412");

        using (var whatIf = new SaveTranscribeOutputCommand { InputObject = [job], Destination = _folder }.UseEmulator(Server))
        {
            CmdletRunner.Run(whatIf, new RecordingHost { Approve = false });
        }

        Assert.Empty(Directory.GetFiles(_folder));

        using (var save = new SaveTranscribeOutputCommand { InputObject = [job], Destination = _folder }.UseEmulator(Server))
        {
            var host = CmdletRunner.Run(save, new RecordingHost());
            var file = Assert.Single(host.ObjectsOf<FileInfo>());
            Assert.Equal(Path.Combine(_folder, "visit-0412.json"), file.FullName);
            Assert.Contains("\"visit-0412\"", File.ReadAllText(file.FullName), StringComparison.Ordinal);
        }

        using var again = new SaveTranscribeOutputCommand { InputObject = [job], Destination = _folder }.UseEmulator(Server);
        var second = CmdletRunner.Run(again, new RecordingHost());
        var error = Assert.Single(second.Errors);
        Assert.Equal("OutputFileExists", error.ErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.Category);
        Assert.Empty(second.Objects);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1)]
    public async Task Save_downloads_up_to_ThrottleLimit_jobs_at_once(int throttleLimit)
    {
        string[] names = ["visit-a", "visit-b", "visit-c", "visit-d", "visit-e", "visit-f"];
        var jobs = await FinishedJobsAsync(names);
        Server.Requests.Reset();
        Server.Faults.Add(FaultRule.Latency("GetObject", TimeSpan.FromMilliseconds(300)));

        using var save = new SaveTranscribeOutputCommand { Destination = _folder, ThrottleLimit = throttleLimit }.UseEmulator(Server);
        var host = CmdletRunner.Run(save, new RecordingHost(), [.. jobs.Select(j => (Action<SaveTranscribeOutputCommand>)(c => c.InputObject = [j]))]);

        Assert.Empty(host.Errors);
        Assert.Equal(names.Select(n => n + ".json").Order(StringComparer.Ordinal), host.ObjectsOf<FileInfo>().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(names.Length, Server.Requests["GetObject"]);
        if (throttleLimit == 1)
        {
            Assert.Equal(1, Server.Requests.PeakInFlight("GetObject"));
        }
        else
        {
            // Each download is held 300 ms by the emulator: with one at a time, none would overlap.
            Assert.True(Server.Requests.PeakInFlight("GetObject") >= 3, $"at most {Server.Requests.PeakInFlight("GetObject")} downloads overlapped");
        }
    }

    [Fact]
    public async Task Save_of_the_same_job_piped_twice_writes_the_file_once_and_refuses_the_second()
    {
        var job = await FinishedJobAsync("visit-twice");
        Server.Faults.Add(FaultRule.Latency("GetObject", TimeSpan.FromMilliseconds(200)));

        using var save = new SaveTranscribeOutputCommand { Destination = _folder }.UseEmulator(Server);
        var host = CmdletRunner.Run(save, new RecordingHost(), c => c.InputObject = [job], c => c.InputObject = [job]);

        Assert.Equal("visit-twice.json", Assert.Single(host.ObjectsOf<FileInfo>()).Name);
        Assert.Equal("OutputFileExists", Assert.Single(host.Errors).ErrorId);
        Assert.Single(Directory.GetFiles(_folder));
    }

    private async Task<TranscriptionJob[]> FinishedJobsAsync(string[] names)
    {
        foreach (var name in names)
        {
            await CmdletTestSupport.StartMedicalAsync(Server, name);
        }

        using var wait = new WaitTranscribeJobCommand { Name = names, Kind = "Medical", PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        var jobs = CmdletRunner.Run(wait, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>().ToArray();
        Assert.Equal(names.Length, jobs.Length);
        return jobs;
    }

    private async Task<TranscriptionJob> FinishedJobAsync(string name)
    {
        await CmdletTestSupport.StartMedicalAsync(Server, name);
        using var wait = new WaitTranscribeJobCommand { Name = [name], Kind = "Medical", PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        return Assert.Single(CmdletRunner.Run(wait, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>());
    }
}
