using Amazon.Runtime;
using TranscribePS.Core.Aws;

namespace TranscribePS.Tests.Client;

public class TranscribeErrorsTests
{
    [Theory]
    [InlineData("LimitExceededException", 429, "You have too many jobs running at the same time. Try your request again later.", "StartMedicalTranscriptionJob", TranscribeErrorKind.TooManyConcurrentJobs)]
    [InlineData("BadRequestException", 400, "You have too many jobs running at the same time. Try your request again later.", "StartTranscriptionJob", TranscribeErrorKind.TooManyConcurrentJobs)]
    [InlineData("LimitExceededException", 429, "Rate exceeded", "StartTranscriptionJob", TranscribeErrorKind.Throttled)]
    [InlineData("LimitExceededException", 429, "You have too many jobs running at the same time.", "GetTranscriptionJob", TranscribeErrorKind.Throttled)]
    [InlineData("ThrottlingException", 400, "Rate exceeded", "ListCallAnalyticsJobs", TranscribeErrorKind.Throttled)]
    [InlineData("SlowDown", 503, "Please reduce your request rate.", "PutObject", TranscribeErrorKind.Throttled)]
    [InlineData("ConflictException", 409, "The requested job name already exists.", "StartCallAnalyticsJob", TranscribeErrorKind.NameConflict)]
    [InlineData("NotFoundException", 404, "x", "GetCallAnalyticsCategory", TranscribeErrorKind.NotFound)]
    [InlineData("BadRequestException", 400, "The requested job couldn't be found. Check the job name and try your request again.", "DeleteTranscriptionJob", TranscribeErrorKind.NotFound)]
    [InlineData("BadRequestException", 400, "1 validation error detected", "StartTranscriptionJob", TranscribeErrorKind.BadRequest)]
    [InlineData("ExpiredTokenException", 400, "The security token included in the request is expired", "GetTranscriptionJob", TranscribeErrorKind.AccessDenied)]
    [InlineData("InvalidSignatureException", 400, "Signature expired", "GetTranscriptionJob", TranscribeErrorKind.AccessDenied)]
    [InlineData("AccessDenied", 403, "Access Denied", "GetObject", TranscribeErrorKind.AccessDenied)]
    [InlineData("NoSuchKey", 404, "The specified key does not exist.", "GetObject", TranscribeErrorKind.NotFound)]
    [InlineData("NoSuchBucket", 404, "The specified bucket does not exist", "PutObject", TranscribeErrorKind.NotFound)]
    [InlineData("InternalFailureException", 500, "We encountered an internal error.", "GetTranscriptionJob", TranscribeErrorKind.ServiceFault)]
    [InlineData(null, 503, null, "GetTranscriptionJob", TranscribeErrorKind.ServiceFault)]
    [InlineData(null, 404, null, "HeadObject", TranscribeErrorKind.NotFound)]
    [InlineData(null, 403, null, "HeadObject", TranscribeErrorKind.AccessDenied)]
    public void Classify_maps_code_status_and_message_to_a_kind(string? code, int status, string? message, string operation, TranscribeErrorKind expected) =>
        Assert.Equal(expected, TranscribeErrors.Classify(code, status, message, operation));

    [Fact]
    public void Missing_credentials_become_one_plain_sentence_saying_what_to_set()
    {
        var sdk = new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: Profile 'default' was not found.");

        var ex = TranscribeErrors.Translate(sdk, "GetTranscriptionJob", "us-east-1", CancellationToken.None);

        Assert.NotNull(ex);
        Assert.Equal(TranscribeErrorKind.CredentialsMissing, ex.Kind);
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

        Assert.Null(TranscribeErrors.Translate(new OperationCanceledException(cts.Token), "GetTranscriptionJob", "us-east-1", cts.Token));
    }

    [Fact]
    public void Network_failure_names_the_endpoint_and_is_a_service_fault()
    {
        var ex = TranscribeErrors.Translate(new HttpRequestException("Connection refused"), "ListTranscriptionJobs", "http://127.0.0.1:9", CancellationToken.None);

        Assert.NotNull(ex);
        Assert.Equal(TranscribeErrorKind.ServiceFault, ex.Kind);
        Assert.Contains("http://127.0.0.1:9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", ex.Message, StringComparison.Ordinal);
    }
}
