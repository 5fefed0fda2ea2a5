using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Tests.Jobs;

public sealed class JobOutputFailureTests
{
    private const string Uri = "https://s3.us-east-1.amazonaws.com/clinic-batch/medical/visit-7.json";
    private static readonly TranscriptionJob Job = new() { JobName = "visit-7", Kind = JobKind.Medical, Status = JobStatus.Completed };

    [Fact]
    public void An_output_gone_from_s3_names_the_job_the_object_and_how_to_get_it_back_under_the_same_ErrorId()
    {
        var gone = new S3Exception(AwsErrorKind.NotFound, "S3 GetObject failed: The specified key does not exist.", "NoSuchKey", 404, "REQ1");

        var described = Assert.IsType<S3Exception>(JobOutputFailure.Describe(Job, Uri, gone));

        Assert.Equal(("S3ObjectNotFound", AwsErrorKind.NotFound, "REQ1"), (described.ErrorId, described.Kind, described.RequestId));
        Assert.Contains("job 'visit-7' is gone", described.Message, StringComparison.Ordinal);
        Assert.Contains("s3://clinic-batch/medical/visit-7.json", described.Message, StringComparison.Ordinal);
        Assert.Contains("Remove-TranscribeJob -Name 'visit-7' -Kind Medical", described.Message, StringComparison.Ordinal);
        Assert.Same(gone, described.InnerException);
    }

    [Fact]
    public void A_damaged_output_stays_a_format_failure_and_says_reading_again_cannot_help()
    {
        var damaged = new TranscriptFormatException(Uri, $"'{Uri}' is not a well-formed transcript near byte 3304: the file ends too early.");

        var described = Assert.IsType<TranscriptFormatException>(JobOutputFailure.Describe(Job, Uri, damaged));

        Assert.StartsWith("The output of Transcribe job 'visit-7' (s3://clinic-batch/medical/visit-7.json) cannot be read as a whole transcript.", described.Message, StringComparison.Ordinal);
        Assert.Contains("the file ends too early", described.Message, StringComparison.Ordinal);
        Assert.Contains("reading it again gives the same bytes", described.Message, StringComparison.Ordinal);
        Assert.Equal(Uri, described.SourceName);
    }

    [Fact]
    public void Other_service_failures_keep_their_kind_and_advice_and_gain_the_job_name()
    {
        var broken = new S3Exception(AwsErrorKind.ServiceFault, "Reading s3://clinic-batch/medical/visit-7.json broke off part-way 4 times. Run the command again.");
        var missingBucket = new S3Exception(AwsErrorKind.NotFound, "No bucket named 'clinic-batch' exists.", "NoSuchBucket", 404);

        var describedBroken = JobOutputFailure.Describe(Job, Uri, broken);
        var describedBucket = JobOutputFailure.Describe(Job, Uri, missingBucket);

        Assert.Equal(("S3ServiceFault", "Reading the output of Transcribe job 'visit-7' failed. " + broken.Message), (describedBroken.ErrorId, describedBroken.Message));
        Assert.Equal("S3BucketNotFound", describedBucket.ErrorId);
        Assert.EndsWith(missingBucket.Message, describedBucket.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_failure_is_left_as_it_is()
    {
        var local = new IOException("disk full");

        Assert.Same(local, JobOutputFailure.Describe(Job, Uri, local));
    }
}
