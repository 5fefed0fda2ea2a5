using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;

namespace TranscribePS.Tests.Jobs;

public sealed class JobOutputTests
{
    private static readonly TranscriptionJob Call = new()
    {
        JobName = "call-118",
        Kind = JobKind.CallAnalytics,
        Status = JobStatus.Completed,
        MediaUri = "s3://cc-calls/call-118-0a1b2c3d4e5f.wav",
        TranscriptUri = "s3://cc-analytics/analytics/redacted/call-118.json",
        UnredactedTranscriptUri = "s3://cc-analytics/analytics/call-118.json",
        RedactedMediaUri = "https://s3.us-east-1.amazonaws.com/svc/redacted/call-118.wav?X-Amz-Signature=abc",
    };

    [Fact]
    public void Outputs_are_named_after_the_job_and_what_they_hold()
    {
        var outputs = Call.Outputs();

        Assert.Equal(["call-118.json", "call-118.unredacted.json", "call-118.redacted.wav"], outputs.Select(f => f.FileName));
        Assert.Equal([JobOutputKind.Transcript, JobOutputKind.UnredactedTranscript, JobOutputKind.RedactedMedia], outputs.Select(f => f.Kind));
        Assert.Equal(Call.TranscriptUri, outputs[0].Uri);
        Assert.Empty((Call with { TranscriptUri = null, UnredactedTranscriptUri = null, RedactedMediaUri = null }).Outputs());
    }

    [Fact]
    public void Removal_described_without_a_call_deletes_outputs_in_S3_and_keeps_the_service_bucket_s()
    {
        var removal = JobRemover.Describe(Call, new RemovalScope(Outputs: true, Media: true));

        Assert.False(removal.Checked);
        Assert.Equal(["s3://cc-analytics/analytics/redacted/call-118.json", "s3://cc-analytics/analytics/call-118.json"], removal.Objects.Select(o => o.ToString()));
        var kept = Assert.Single(removal.Kept);
        Assert.Equal("s3://svc/redacted/call-118.wav", kept.Uri);
        Assert.Equal(S3Location.Parse(Call.MediaUri!), removal.CandidateMedia);
    }

    [Fact]
    public void Removal_of_the_job_alone_names_no_object()
    {
        var removal = JobRemover.Describe(Call, new RemovalScope(Outputs: false, Media: false));

        Assert.Empty(removal.Objects);
        Assert.Empty(removal.Kept);
        Assert.Null(removal.CandidateMedia);
    }

    [Theory]
    [InlineData("media/visit-a-0a1b2c3d4e5f.wav", true)]
    [InlineData("visit.b-0A1B2C3D4E5F", true)]
    [InlineData("media/visit-a.wav", false)]
    [InlineData("media/visit-a-ffffffffffff.wav", false)]
    public void Our_upload_is_recognised_by_its_content_addressed_key(string key, bool ours)
        => Assert.Equal(ours, JobNaming.IsUploadKey(key, "0a1b2c3d4e5f" + new string('9', 52)));
}
