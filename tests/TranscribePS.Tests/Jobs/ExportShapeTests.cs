using Newtonsoft.Json;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;
using TranscribePS.Core.Waiting;
using TranscribePS.Tests.Waiting;

namespace TranscribePS.Tests.Jobs;

/// <summary>
/// What the output objects carry for exports (issue 7 §3.13). PowerShell's ConvertTo-Json serializes with
/// Newtonsoft.Json, which honours the enums' converter; Pester (Exports.Tests.ps1) shows the same in real pwsh.
/// </summary>
public sealed class ExportShapeTests
{
    [Fact]
    public void Output_enums_serialize_as_their_names_in_Newtonsoft_Json()
    {
        Assert.Equal("\"Completed\"", JsonConvert.SerializeObject(JobStatus.Completed));
        Assert.Equal("\"InProgress\"", JsonConvert.SerializeObject(JobStatus.InProgress));
        Assert.Equal("\"CallAnalytics\"", JsonConvert.SerializeObject(JobKind.CallAnalytics));
        Assert.Equal("\"Punctuation\"", JsonConvert.SerializeObject(TranscriptItemType.Punctuation));
    }

    [Fact]
    public async Task Wait_keeps_the_local_file_of_the_job_it_was_given_on_the_job_it_read_again()
    {
        var h = new WaitHarness();
        var scripted = h.Service.Add(JobKind.Medical, "visit-a", finishesAt: TimeSpan.FromSeconds(60));
        var started = ScriptedJobs.Started(scripted) with { LocalPath = "/recordings/visit-a.wav" };

        var result = Assert.Single(await h.WaitAsync([started]));

        Assert.Equal(WaitOutcome.Completed, result.Outcome);
        Assert.Equal(JobStatus.Completed, result.Job!.Status);
        Assert.Equal("s3://out/visit-a.json", result.Job.TranscriptUri);
        Assert.Equal("/recordings/visit-a.wav", result.Job.LocalPath);
    }

    [Fact]
    public async Task Wait_leaves_LocalPath_empty_for_a_job_that_had_none()
    {
        var h = new WaitHarness();
        var scripted = h.Service.Add(JobKind.Medical, "visit-b", finishesAt: TimeSpan.FromSeconds(60));

        var result = Assert.Single(await h.WaitAsync([ScriptedJobs.Started(scripted)]));

        Assert.Null(result.Job!.LocalPath);
    }
}
