using Amazon.Runtime;
using TranscribePS.Core.Aws;

namespace TranscribePS.Tests.Client;

public class AwsErrorsTests
{
    [Theory]
    [InlineData("LimitExceededException", 429, "You have too many jobs running at the same time. Try your request again later.", "StartMedicalTranscriptionJob", AwsErrorKind.TooManyConcurrentJobs)]
    [InlineData("BadRequestException", 400, "You have too many jobs running at the same time. Try your request again later.", "StartTranscriptionJob", AwsErrorKind.TooManyConcurrentJobs)]
    [InlineData("LimitExceededException", 429, "Rate exceeded", "StartTranscriptionJob", AwsErrorKind.Throttled)]
    [InlineData("LimitExceededException", 429, "You have too many jobs running at the same time.", "GetTranscriptionJob", AwsErrorKind.Throttled)]
    [InlineData("ThrottlingException", 400, "Rate exceeded", "ListCallAnalyticsJobs", AwsErrorKind.Throttled)]
    [InlineData("SlowDown", 503, "Please reduce your request rate.", "PutObject", AwsErrorKind.Throttled)]
    [InlineData("ConflictException", 409, "The requested job name already exists.", "StartCallAnalyticsJob", AwsErrorKind.NameConflict)]
    [InlineData("NotFoundException", 404, "x", "GetCallAnalyticsCategory", AwsErrorKind.NotFound)]
    [InlineData("BadRequestException", 400, "The requested job couldn't be found. Check the job name and try your request again.", "DeleteTranscriptionJob", AwsErrorKind.NotFound)]
    [InlineData("BadRequestException", 400, "1 validation error detected", "StartTranscriptionJob", AwsErrorKind.BadRequest)]
    [InlineData("ExpiredTokenException", 400, "The security token included in the request is expired", "GetTranscriptionJob", AwsErrorKind.CredentialsExpired)]
    [InlineData("ExpiredToken", 400, "The provided token has expired.", "PutObject", AwsErrorKind.CredentialsExpired)]
    [InlineData("InvalidSignatureException", 400, "Signature expired", "GetTranscriptionJob", AwsErrorKind.AccessDenied)]
    [InlineData("AccessDenied", 403, "Access Denied", "GetObject", AwsErrorKind.AccessDenied)]
    [InlineData("NoSuchKey", 404, "The specified key does not exist.", "GetObject", AwsErrorKind.NotFound)]
    [InlineData("NoSuchBucket", 404, "The specified bucket does not exist", "PutObject", AwsErrorKind.NotFound)]
    [InlineData("InternalFailureException", 500, "We encountered an internal error.", "GetTranscriptionJob", AwsErrorKind.ServiceFault)]
    [InlineData(null, 503, null, "GetTranscriptionJob", AwsErrorKind.ServiceFault)]
    [InlineData(null, 404, null, "HeadObject", AwsErrorKind.NotFound)]
    [InlineData(null, 403, null, "HeadObject", AwsErrorKind.AccessDenied)]
    public void Classify_maps_code_status_and_message_to_a_kind(string? code, int status, string? message, string operation, AwsErrorKind expected) =>
        Assert.Equal(expected, AwsErrors.Classify(code, status, message, operation));

    [Fact]
    public void Missing_credentials_become_one_plain_sentence_saying_what_to_set()
    {
        var sdk = new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: Profile 'default' was not found.");

        var ex = AwsErrors.Translate(AwsService.Transcribe, sdk, "GetTranscriptionJob", "us-east-1", CancellationToken.None);

        Assert.NotNull(ex);
        Assert.Equal(AwsErrorKind.CredentialsMissing, ex.Kind);
        Assert.Contains("-ProfileName", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Profile 'default'", ex.Message, StringComparison.Ordinal);
        Assert.Same(sdk, ex.InnerException);
    }

    [Fact]
    public void Cancellation_the_caller_asked_for_propagates_unchanged()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Null(AwsErrors.Translate(AwsService.Transcribe, new OperationCanceledException(cts.Token), "GetTranscriptionJob", "us-east-1", cts.Token));
    }

    [Fact]
    public void Network_failure_names_the_endpoint_and_is_a_service_fault()
    {
        var ex = AwsErrors.Translate(AwsService.Transcribe, new HttpRequestException("Connection refused"), "ListTranscriptionJobs", "http://127.0.0.1:9", CancellationToken.None);

        Assert.NotNull(ex);
        Assert.Equal(AwsErrorKind.ServiceFault, ex.Kind);
        Assert.Contains("http://127.0.0.1:9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoSuchKey", 404, "S3ObjectNotFound")]
    [InlineData("NotFound", 404, "S3ObjectNotFound")]
    [InlineData("NoSuchBucket", 404, "S3BucketNotFound")]
    [InlineData("AccessDenied", 403, "S3AccessDenied")]
    [InlineData("SlowDown", 503, "S3Throttled")]
    public void An_S3_failure_is_an_S3Exception_with_an_S3_ErrorId(string code, int status, string errorId)
    {
        var sdk = new Amazon.S3.AmazonS3Exception("The specified key does not exist.", ErrorType.Sender, code, "req-1", (System.Net.HttpStatusCode)status);

        var ex = Assert.IsType<S3Exception>(AwsErrors.Translate(AwsService.S3, sdk, "GetObject", "s3://b/k", CancellationToken.None));

        Assert.Equal(AwsService.S3, ex.Service);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.StartsWith("S3 GetObject failed: The specified key does not exist. ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_bucket_is_named_with_the_parameters_to_check_and_how_to_create_it()
    {
        var sdk = new Amazon.S3.AmazonS3Exception("The specified bucket does not exist", ErrorType.Sender, "NoSuchBucket", "req-3", System.Net.HttpStatusCode.NotFound);

        var ex = Assert.IsType<S3Exception>(AwsErrors.Translate(AwsService.S3, sdk, "PutObject", "s3://typo-bucket/uploads/visit.wav", CancellationToken.None));

        Assert.Equal("S3BucketNotFound", ex.ErrorId);
        Assert.Equal(
            "S3 PutObject failed: The specified bucket does not exist. No bucket named 'typo-bucket' exists in this account: check the name given (-OutputBucket, -UploadBucket, -OutputLocation or an S3 URI), or create the bucket first (for example 'aws s3 mb s3://typo-bucket').",
            ex.Message);
    }

    [Fact]
    public void A_Transcribe_failure_keeps_its_Transcribe_ErrorId()
    {
        var sdk = new AmazonServiceException("The requested job couldn't be found. Check the job name and try your request again.", null, ErrorType.Sender, "BadRequestException", "req-2", System.Net.HttpStatusCode.BadRequest);

        var ex = Assert.IsType<TranscribeException>(AwsErrors.Translate(AwsService.Transcribe, sdk, "GetMedicalTranscriptionJob", "us-east-1", CancellationToken.None));

        Assert.Equal("TranscribeNotFound", ex.ErrorId);
        Assert.DoesNotContain("..", ex.Message, StringComparison.Ordinal);
    }
}
