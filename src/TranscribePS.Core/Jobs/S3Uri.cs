namespace TranscribePS.Core.Jobs;

/// <summary>The s3://bucket/key form the planner hands to Transcribe and compares job media by.</summary>
internal static class S3Uri
{
    private const string Scheme = "s3://";

    public static string Format(string bucket, string key) => Scheme + bucket + "/" + key;

    /// <summary>Splits an s3:// URI into bucket and key; false when it is not one or names no object.</summary>
    public static bool TryParseObject(string uri, out string bucket, out string key)
    {
        bucket = string.Empty;
        key = string.Empty;
        if (!TryParse(uri, out bucket, out key) || key.Length == 0 || key.EndsWith('/'))
        {
            return false;
        }

        return true;
    }

    /// <summary>Splits an s3:// URI into bucket and (possibly empty) key prefix.</summary>
    public static bool TryParse(string uri, out string bucket, out string key)
    {
        bucket = string.Empty;
        key = string.Empty;
        string text = uri.Trim();
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = text[Scheme.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        bucket = slash < 0 ? rest : rest[..slash];
        key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return bucket.Length > 0;
    }
}
