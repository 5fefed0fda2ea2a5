namespace TranscribePS.Core;

public static partial class Messages
{
    public const string RegionMissingForClient =
        "No AWS region is set for the Transcribe client. Pass -Region, set AWS_REGION, or add 'region' to your AWS profile.";

    public static string FipsNotOffered(string region) =>
        $"Amazon Transcribe has no FIPS endpoint in {region}. FIPS endpoints exist in US, Canada and GovCloud regions; choose one of those or turn FIPS off.";

    public const string CredentialsMissing =
        "No AWS credentials were found: pass -ProfileName (or -AccessKey and -SecretKey), set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or run where an instance or container role provides them.";

    /// <summary>The SDK could not renew an ended SSO or login session; never names a key or token.</summary>
    public static string CredentialsExpired(string operation) =>
        $"{operation} failed: the AWS session has expired and could not be renewed. {RefreshCredentials}";

    private const string RefreshCredentials =
        "Refresh the temporary credentials (for example 'aws sso login', or whatever renews your credentials file, profile or AWS_SESSION_TOKEN), then run the command again.";

    /// <param name="target">What the call was about (s3://bucket/key for S3), so a missing bucket is named.</param>
    public static string ServiceError(Aws.AwsService service, string operation, Aws.AwsErrorKind kind, string? errorCode, string? serviceMessage, string? target = null)
    {
        var what = string.IsNullOrWhiteSpace(serviceMessage) ? errorCode ?? "an unknown error" : serviceMessage;
        var next = (service, kind) switch
        {
            (Aws.AwsService.S3, Aws.AwsErrorKind.NotFound) when errorCode == "NoSuchBucket" && BucketOf(target) is { } bucket =>
                $"No bucket named '{bucket}' exists in this account: check the name given (-OutputBucket, -UploadBucket, -OutputLocation or an S3 URI), or create the bucket first (for example 'aws s3 mb s3://{bucket}').",
            (Aws.AwsService.S3, Aws.AwsErrorKind.NotFound) when errorCode == "NoSuchBucket" => "Check the bucket's name and that it exists in this account.",
            (Aws.AwsService.S3, Aws.AwsErrorKind.NotFound) => "Check the bucket and key: the object may have been deleted (Remove-TranscribeJob -IncludeOutput deletes outputs).",
            (Aws.AwsService.S3, Aws.AwsErrorKind.AccessDenied) => "Check that the credentials are valid and allowed this S3 action (s3:GetObject, PutObject, HeadObject or DeleteObject) on the bucket.",
            (_, Aws.AwsErrorKind.NotFound) => "Check the name and the region.",
            (_, Aws.AwsErrorKind.NameConflict) => "Job names are unique per account and region for 90 days; choose another name or remove the existing job.",
            (_, Aws.AwsErrorKind.Throttled) => "Requests were still throttled after retrying; lower the request rate or try again later.",
            (_, Aws.AwsErrorKind.TooManyConcurrentJobs) => "The concurrent-job quota is reached; run the same command again once running jobs finish (jobs already started are reused, not started twice), pass -DataAccessRoleArn so call analytics jobs queue, or request a higher quota in Service Quotas.",
            (_, Aws.AwsErrorKind.BadRequest) => "Correct the request and try again.",
            (_, Aws.AwsErrorKind.AccessDenied) => "Check that the credentials are valid and allowed to call this operation.",
            (_, Aws.AwsErrorKind.CredentialsExpired) => "The temporary credentials (session token) have expired, and reading them again from where they came from gave none newer. " + RefreshCredentials,
            _ => "The service failed after retrying; try again later.",
        };
        return $"{(service == Aws.AwsService.S3 ? "S3 " : string.Empty)}{operation} failed: {Sentence(what)} {next}";
    }

    private static string? BucketOf(string? target) =>
        target is not null && target.StartsWith("s3://", StringComparison.Ordinal) && target.Length > 5
            ? target[5..].Split('/')[0]
            : null;

    public static string Unreachable(string operation, string target, string detail) =>
        $"{operation} could not reach {target}: {Sentence(detail)} Check the network, proxy and endpoint settings, then try again.";

    public static string UnreadableResponse(string operation, string detail) =>
        $"{operation} returned a response that could not be read ({JsonDetail(detail).TrimEnd('.')}). Try again; if it persists, report it with the request.";

    public static string JobWithoutName(string kind) =>
        $"Amazon Transcribe returned a {kind} job without a name. Try again; if it persists, report it.";

    public static string JobWithoutStatus(string? jobName) =>
        $"Amazon Transcribe returned job '{jobName}' without a status. Try again; if it persists, report it.";

    public static string JobMissingFromResponse(string jobName) =>
        $"Amazon Transcribe answered without the details of job '{jobName}'. Try again; if it persists, report it.";
}
