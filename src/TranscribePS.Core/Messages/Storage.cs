namespace TranscribePS.Core;

public static partial class Messages
{
    public const string S3LocationEmpty =
        "No S3 location was given. Use s3://bucket/key or an https S3 URL.";

    public static string NotAnS3Location(string value) =>
        $"'{value}' is not an S3 location. Use s3://bucket/key, https://bucket.s3.REGION.amazonaws.com/key or https://s3.REGION.amazonaws.com/bucket/key.";

    public static string S3LocationWithoutBucket(string value) =>
        $"'{value}' does not name a valid S3 bucket. Bucket names are 3 to 63 lowercase letters, digits, dots and dashes, as in s3://my-bucket/key.";

    public static string S3BucketInvalid(string bucket) =>
        $"'{bucket}' is not a valid S3 bucket name. Use 3 to 63 lowercase letters, digits, dots and dashes.";

    public static string PresignedReadFailed(string location, int status) => status switch
    {
        403 => $"Reading {location} through its pre-signed URL was refused (HTTP 403); such URLs expire (service-bucket transcripts after 15 minutes). Get the job again for a fresh URL.",
        404 => $"{location} no longer exists (HTTP 404). Check that the job's output was not deleted.",
        _ => $"Reading {location} through its pre-signed URL failed with HTTP {status}. Try again; if the URL expired, get the job again for a fresh one.",
    };
}
