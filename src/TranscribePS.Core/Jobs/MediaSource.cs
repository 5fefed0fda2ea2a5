namespace TranscribePS.Core.Jobs;

/// <summary>
/// Where a recording is: a local file (already resolved to a full path by the caller) or an S3 object URI.
/// </summary>
public sealed record MediaSource
{
    private MediaSource(string? localPath, string? uri)
    {
        LocalPath = localPath;
        Uri = uri;
    }

    /// <summary>The local file, when the recording is on this machine.</summary>
    public string? LocalPath { get; }

    /// <summary>The S3 URI exactly as given, when the recording is already in S3.</summary>
    public string? Uri { get; }

    public bool IsLocal => LocalPath is not null;

    public static MediaSource FromPath(string fullPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullPath);
        return new MediaSource(fullPath, null);
    }

    public static MediaSource FromUri(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        return new MediaSource(null, uri);
    }

    public override string ToString() => LocalPath ?? Uri ?? string.Empty;
}
