using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Jobs;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class JobCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public async Task Get_with_a_wildcard_returns_only_matching_jobs_of_every_kind()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "visit-0412");
        await CmdletTestSupport.StartMedicalAsync(Server, "visit-0413");
        await CmdletTestSupport.StartMedicalAsync(Server, "other-0412");

        using var cmdlet = new GetTranscribeJobCommand { Name = ["visit-*"] }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Name"));

        Assert.Empty(host.Errors);
        Assert.Equal(["visit-0412", "visit-0413"], host.ObjectsOf<TranscriptionJob>().Select(j => j.JobName).Order());
        Assert.All(host.ObjectsOf<TranscriptionJob>(), j => Assert.Equal(JobKind.Medical, j.Kind));
    }

    [Fact]
    public async Task Get_of_an_unknown_name_gives_one_not_found_error_and_the_other_names_go_on()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "visit-0412");

        using var cmdlet = new GetTranscribeJobCommand { Name = ["nope", "visit-0412"] }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Name"));

        var error = Assert.Single(host.Errors);
        Assert.Equal("TranscribeJobNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("nope", error.Target);
        Assert.Equal("visit-0412", Assert.Single(host.ObjectsOf<TranscriptionJob>()).JobName);
    }

    [Fact]
    public async Task Get_by_status_lists_only_jobs_in_that_status()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "good", 16000);
        await CmdletTestSupport.StartMedicalAsync(Server, "phone-call", 8000);

        // Instant timing: a job finishes the first time any job is read back.
        using (var touch = new GetTranscribeJobCommand { Kind = "Medical" }.UseEmulator(Server))
        {
            CmdletRunner.Run(touch, new RecordingHost("Name"));
        }

        using var cmdlet = new GetTranscribeJobCommand { Kind = "Medical", Status = JobStatus.Failed }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Name"));

        Assert.Equal("phone-call", Assert.Single(host.ObjectsOf<TranscriptionJob>()).JobName);
    }

    [Theory]
    [InlineData("failed", JobStatus.Failed)]
    [InlineData("IN_PROGRESS", JobStatus.InProgress)]
    [InlineData("in_progress", JobStatus.InProgress)]
    [InlineData("Queued", JobStatus.Queued)]
    public void Status_takes_the_service_spelling_in_any_case(string text, JobStatus expected)
        => Assert.Equal(expected, global::TranscribePS.Infrastructure.JobStatusArgumentAttribute.Convert(text));

    [Theory]
    [InlineData("InProgress")]
    [InlineData("DONE")]
    public void Status_leaves_the_printed_names_and_unknown_text_to_PowerShell_s_enum_conversion(string text)
        => Assert.Equal(text, global::TranscribePS.Infrastructure.JobStatusArgumentAttribute.Convert(text));

    [Fact]
    public async Task Wait_emits_completed_jobs_and_turns_a_failed_job_into_an_error_with_the_service_reason()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "good", 16000);
        await CmdletTestSupport.StartMedicalAsync(Server, "phone-call", 8000);

        using var cmdlet = new WaitTranscribeJobCommand { Name = ["good", "phone-call"], PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Name"));

        var done = Assert.Single(host.ObjectsOf<TranscriptionJob>());
        Assert.Equal("good", done.JobName);
        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.NotNull(done.TranscriptUri);
        var error = Assert.Single(host.Errors);
        Assert.Equal("TranscribeJobFailed", error.ErrorId);
        Assert.Equal("phone-call", Assert.IsType<TranscriptionJob>(error.Target).JobName);
        Assert.Contains("sample rate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task Wait_writes_a_finished_job_at_a_later_record_before_its_input_ends()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "first");
        await CmdletTestSupport.StartMedicalAsync(Server, "second");
        using var get = new GetTranscribeJobCommand { Name = ["first", "second"], Kind = "Medical" }.UseEmulator(Server);
        var started = CmdletRunner.Run(get, new RecordingHost("Name")).ObjectsOf<TranscriptionJob>().ToList();
        var host = new RecordingHost("InputObject");
        using var wait = new WaitTranscribeJobCommand { PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server);
        wait.OuterHost = host;
        wait.RunBegin();
        wait.InputObject = [started[0]];
        wait.RunProcess();

        // Records with nothing new, as an upstream command would send them: each writes what finished meanwhile.
        wait.InputObject = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!host.ObjectsOf<TranscriptionJob>().Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            wait.RunProcess();
        }

        var beforeEnd = host.ObjectsOf<TranscriptionJob>().Select(j => j.JobName).ToList();
        wait.InputObject = [started[1]];
        wait.RunProcess();
        wait.RunEnd();

        Assert.Equal(["first"], beforeEnd);
        Assert.Equal(["first", "second"], host.ObjectsOf<TranscriptionJob>().Select(j => j.JobName));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Wait_with_a_negative_poll_interval_stops_before_reading_any_job()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "good", 16000);
        var before = Server.Requests.Total;

        using var cmdlet = new WaitTranscribeJobCommand { Name = ["good"], PollInterval = TimeSpan.FromSeconds(-1) }.UseEmulator(Server);
        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Name")));

        Assert.Equal("InvalidWaitOptions", thrown.Error.ErrorId);
        Assert.Equal(before, Server.Requests.Total);
    }

    [Fact]
    public async Task Remove_under_WhatIf_makes_no_call_and_with_approval_deletes_the_job_and_its_output()
    {
        await CmdletTestSupport.StartMedicalAsync(Server, "visit-0412");
        using (var wait = new WaitTranscribeJobCommand { Name = ["visit-0412"], PollInterval = TimeSpan.FromMilliseconds(50) }.UseEmulator(Server))
        {
            CmdletRunner.Run(wait, new RecordingHost("Name"));
        }

        Assert.NotEmpty(Server.Store.List(CmdletTestSupport.Bucket, "medical/"));
        Server.Requests.Reset();

        using (var whatIf = new RemoveTranscribeJobCommand { Name = ["visit-0412"], IncludeOutputOn = true }.UseEmulator(Server))
        {
            var host = CmdletRunner.Run(whatIf, new RecordingHost("Name") { Approve = false, WhatIf = true });
            Assert.Single(host.ShouldProcessCalls);
        }

        Assert.Equal(0, Server.Requests.Total);

        using var remove = new RemoveTranscribeJobCommand { Name = ["visit-0412"], IncludeOutputOn = true, PassThruOn = true }.UseEmulator(Server);
        var removed = CmdletRunner.Run(remove, new RecordingHost("Name"));

        Assert.Empty(removed.Errors);
        Assert.Equal("visit-0412", Assert.Single(removed.ObjectsOf<TranscriptionJob>()).JobName);
        Assert.Empty(Server.Store.List(CmdletTestSupport.Bucket, "medical/"));
        using var get = new GetTranscribeJobCommand { Name = ["visit-0412"] }.UseEmulator(Server);
        Assert.Equal("TranscribeJobNotFound", Assert.Single(CmdletRunner.Run(get, new RecordingHost("Name")).Errors).ErrorId);
    }

    [Fact]
    public void Missing_region_stops_the_cmdlet_once_before_any_call()
    {
        // An empty credentials file as the only profile store, so a region in the machine's own AWS config cannot leak in.
        var emptyProfiles = Path.GetTempFileName();
        try
        {
            using var cmdlet = new GetTranscribeJobCommand { Name = ["a", "b"], ProfileLocation = emptyProfiles }.UseEmulator(Server);
            cmdlet.Region = null;

            var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost("Name")));

            Assert.Equal("AwsSettingsInvalid", thrown.Error.ErrorId);
            Assert.Contains("region", thrown.Error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, Server.Requests.Total);
        }
        finally
        {
            File.Delete(emptyProfiles);
        }
    }

    [Fact]
    public void Debug_says_where_credentials_and_region_came_from_and_never_shows_the_secret()
    {
        using var cmdlet = new GetTranscribeJobCommand { Kind = "Medical" }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Name"));

        Assert.Contains(host.Debug, line => line.Contains(Server.Region, StringComparison.Ordinal));
        Assert.Contains(host.Debug, line => line.Contains("-AccessKey", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Debug, line => line.Contains(Server.SecretAccessKey, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Debug, line => line.Contains(Server.AccessKeyId, StringComparison.Ordinal));
    }
}
