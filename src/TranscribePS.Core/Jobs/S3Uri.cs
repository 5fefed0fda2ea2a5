using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Jobs;

/// <summary>The s3://bucket/key form the planner hands to Transcribe and compares job media by.</summary>
internal static class S3Uri
{
    public static string Format(string bucket, string key) => "s3://" + bucket + "/" + key;

    /// <summary>Reads any S3 URI or URL form into bucket and key; false when it names no object.</summary>
    public static bool TryParseObject(string uri, out string bucket, out string key) =>
        TryParse(uri, out bucket, out key) && key.Length > 0 && !key.EndsWith('/');

    /// <summary>
    /// Reads any S3 URI or URL form (<see cref="S3Location"/>) into bucket and (possibly empty) key. Pre-signed URLs
    /// are refused: Transcribe reads media and writes output with its own access, not with a borrowed signature.
    /// </summary>
    public static bool TryParse(string uri, out string bucket, out string key)
    {
        bool parsed = S3Location.TryParse(uri, out var location, out _) && !location.IsPresigned;
        bucket = parsed ? location!.Bucket : string.Empty;
        key = parsed ? location!.Key : string.Empty;
        return parsed;
    }
}
