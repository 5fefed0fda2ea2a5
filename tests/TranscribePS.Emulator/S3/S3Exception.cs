namespace TranscribePS.Emulator.S3;

/// <summary>An S3 error answer: written as &lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;/Error&gt; (no body for HEAD).</summary>
public sealed class S3Exception(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>Extra elements S3 adds for some errors (Key, UploadId, StringToSign, …).</summary>
    public IDictionary<string, string> Details { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra response headers (e.g. Content-Range on InvalidRange).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static S3Exception NoSuchKey(string key) =>
        new(404, "NoSuchKey", "The specified key does not exist.") { Details = { ["Key"] = key } };

    public static S3Exception NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", "The specified bucket does not exist") { Details = { ["BucketName"] = bucket } };

    public static S3Exception NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.") { Details = { ["UploadId"] = uploadId } };

    public static S3Exception InvalidArgument(string message, string name, string value) =>
        new(400, "InvalidArgument", message) { Details = { ["ArgumentName"] = name, ["ArgumentValue"] = value } };

    public static S3Exception MalformedXml() =>
        new(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
}
