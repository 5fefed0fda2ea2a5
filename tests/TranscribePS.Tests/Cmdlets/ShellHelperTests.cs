using System.Collections;
using TranscribePS.Core.Jobs;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>The pure helpers behind the cmdlet shells.</summary>
public sealed class ShellHelperTests
{
    [Fact]
    public void Saved_output_files_are_named_after_the_job_and_what_they_hold()
    {
        var job = new TranscriptionJob
        {
            JobName = "call-118",
            Kind = JobKind.CallAnalytics,
            Status = JobStatus.Completed,
            TranscriptUri = "s3://cc-analytics/analytics/redacted/call-118.json",
            UnredactedTranscriptUri = "s3://cc-analytics/analytics/call-118.json",
            RedactedMediaUri = "https://s3.us-east-1.amazonaws.com/svc/redacted/call-118.wav?X-Amz-Signature=abc",
        };

        var files = OutputFiles.For(job);

        Assert.Equal(["call-118.json", "call-118.unredacted.json", "call-118.redacted.wav"], files.Select(f => f.FileName));
        Assert.Equal(job.TranscriptUri, files[0].Uri);
        Assert.Empty(OutputFiles.For(job with { TranscriptUri = null, UnredactedTranscriptUri = null, RedactedMediaUri = null }));
    }

    [Theory]
    [InlineData("s3://cc-analytics/analytics/call-118.json", true)]
    [InlineData("https://s3.us-east-1.amazonaws.com/svc/call-118.json?X-Amz-Signature=abc&X-Amz-Credential=x", false)]
    [InlineData("not a location", false)]
    public void Only_output_in_an_S3_location_is_deleted_with_the_job(string uri, bool deletable)
        => Assert.Equal(deletable, AwsSession.IsDeletableOutput(uri));

    [Fact]
    public void Kind_All_tries_every_kind_with_the_module_s_own_kinds_first()
    {
        Assert.Equal([JobKind.Medical, JobKind.CallAnalytics, JobKind.Standard, JobKind.Scribe], JobKinds.Expand("All"));
        Assert.Equal([JobKind.CallAnalytics], JobKinds.Expand("callanalytics"));
    }

    [Fact]
    public void Hashtables_and_arrays_become_the_plain_tree_the_rule_converter_reads()
    {
        var value = new object[]
        {
            new Hashtable { ["TranscriptFilter"] = new Hashtable { ["Targets"] = new[] { "cancel", "close" }, ["Negate"] = true } },
        };

        var plain = Assert.IsType<List<object?>>(PlainValues.From(value));

        var rule = Assert.IsType<Dictionary<string, object?>>(Assert.Single(plain));
        var filter = Assert.IsType<Dictionary<string, object?>>(rule["transcriptfilter"]);
        Assert.Equal(["cancel", "close"], Assert.IsType<List<object?>>(filter["Targets"]));
        Assert.Equal(true, filter["NEGATE"]);
    }
}
