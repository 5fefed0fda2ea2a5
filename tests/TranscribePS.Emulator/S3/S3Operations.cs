namespace TranscribePS.Emulator.S3;

/// <summary>Names a path-style S3 request by the API operation it is (as AWS's SDKs and docs name them).</summary>
public static class S3Operations
{
    public const string Unsupported = "Unsupported";

    /// <summary>Sub-resources that mark bucket/object configuration calls this emulator does not implement.</summary>
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "policy", "cors", "lifecycle", "tagging", "versioning", "versions", "website", "logging", "notification",
        "replication", "encryption", "accelerate", "requestPayment", "object-lock", "retention", "legal-hold",
        "ownershipControls", "publicAccessBlock", "analytics", "inventory", "metrics", "intelligent-tiering", "torrent",
        "restore", "select", "attributes",
    ];

    public static string Identify(string method, string bucket, string key, IReadOnlyDictionary<string, string> query, bool hasCopySource)
    {
        if (UnsupportedSubresources.Any(query.ContainsKey))
        {
            return Unsupported;
        }

        if (bucket.Length == 0)
        {
            return method == "GET" ? "ListBuckets" : Unsupported;
        }

        if (key.Length == 0)
        {
            return method switch
            {
                "GET" when query.ContainsKey("location") => "GetBucketLocation",
                "GET" when query.ContainsKey("uploads") => "ListMultipartUploads",
                "GET" when query.TryGetValue("list-type", out var listType) && listType == "2" => "ListObjectsV2",
                "GET" => "ListObjects",
                "PUT" => "CreateBucket",
                "HEAD" => "HeadBucket",
                "DELETE" => "DeleteBucket",
                "POST" when query.ContainsKey("delete") => "DeleteObjects",
                _ => Unsupported,
            };
        }

        var upload = query.ContainsKey("uploadId");
        return method switch
        {
            "PUT" when upload && query.ContainsKey("partNumber") => hasCopySource ? "UploadPartCopy" : "UploadPart",
            "PUT" when hasCopySource => "CopyObject",
            "PUT" => "PutObject",
            "GET" when upload => "ListParts",
            "GET" => "GetObject",
            "HEAD" => "HeadObject",
            "DELETE" when upload => "AbortMultipartUpload",
            "DELETE" => "DeleteObject",
            "POST" when query.ContainsKey("uploads") => "CreateMultipartUpload",
            "POST" when upload => "CompleteMultipartUpload",
            _ => Unsupported,
        };
    }
}
