using System.Globalization;
using TranscribePS.Emulator.Media;
using TranscribePS.Emulator.Storage;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>An S3 object named by a request: bucket and key.</summary>
internal sealed record S3Location(string Bucket, string Key)
{
    /// <summary>The https form the service reports output URIs in.</summary>
    public string ToHttpsUri(string region) =>
        $"https://s3.{region}.amazonaws.com/{Bucket}/{string.Join('/', Key.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>
    /// Reads the URI forms the service accepts for media: s3://bucket/key, path-style https
    /// (s3.amazonaws.com, s3.region.amazonaws.com, s3-region.amazonaws.com, or a loopback endpoint) and
    /// virtual-hosted https (bucket.s3[.-]region.amazonaws.com). Null when it names no S3 object.
    /// </summary>
    public static S3Location? Parse(string uri)
    {
        if (uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            string rest = uri[5..];
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash <= 0 || slash == rest.Length - 1 ? null : new S3Location(rest[..slash], rest[(slash + 1)..]);
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        string host = parsed.Host;
        string path = parsed.AbsolutePath.TrimStart('/');
        bool pathStyle = parsed.IsLoopback || host == "s3.amazonaws.com" ||
            (host.StartsWith("s3.", StringComparison.Ordinal) || host.StartsWith("s3-", StringComparison.Ordinal)) && host.EndsWith(".amazonaws.com", StringComparison.Ordinal);
        if (pathStyle)
        {
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            return slash <= 0 || slash == path.Length - 1 ? null : new S3Location(path[..slash], Uri.UnescapeDataString(path[(slash + 1)..]));
        }

        int marker = host.IndexOf(".s3", StringComparison.Ordinal);
        if (marker > 0 && host.EndsWith(".amazonaws.com", StringComparison.Ordinal) && path.Length > 0)
        {
            return new S3Location(host[..marker], Uri.UnescapeDataString(path));
        }

        return null;
    }
}

/// <summary>What the service finds when it opens a job's media: facts, or the reason the job will fail.</summary>
internal sealed record MediaAssessment(MediaHeader? Facts, long DurationMs, string? FailureReason)
{
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;
    private const long CallAnalyticsMaxBytes = 500L * 1024 * 1024;
    private const long MaxDurationMs = 4 * 60 * 60 * 1000;

    public static MediaAssessment Assess(ObjectStore store, S3Location location, TranscribeJobFamily family, string? requestedFormat, int? requestedSampleRate, bool channelIdentification)
    {
        var stored = store.Get(location.Bucket, location.Key);
        if (stored is null)
        {
            return Fail(ServiceErrors.MediaNotAccessible);
        }

        // The emulator's own reading of the header, not the module's MediaProbe: a probe bug must not pass end to end.
        var facts = MediaHeader.Read(stored.Data);
        if (facts.Format is null)
        {
            return Fail(ServiceErrors.UnsupportedFormat, facts);
        }

        if (requestedFormat is not null && !SameFormat(requestedFormat, facts.Format))
        {
            return Fail(ServiceErrors.FormatMismatch, facts);
        }

        long maxBytes = family == TranscribeJobFamily.CallAnalytics ? CallAnalyticsMaxBytes : TwoGigabytes;
        if (stored.Data.LongLength > maxBytes)
        {
            return Fail(string.Format(CultureInfo.InvariantCulture, ServiceErrors.FileTooLarge, maxBytes), facts);
        }

        long durationMs = (long)(facts.Duration ?? EstimateDuration(facts.Format, stored.Data.LongLength)).TotalMilliseconds;
        if (durationMs < 500)
        {
            return Fail(ServiceErrors.TooShort, facts);
        }

        if (durationMs > MaxDurationMs)
        {
            return Fail(ServiceErrors.AudioTooLong, facts);
        }

        bool medical = family is TranscribeJobFamily.Medical or TranscribeJobFamily.Scribe;
        if (facts.SampleRateHertz is int rate && (medical && rate < 16000 || rate < 8000 || rate > 48000 || requestedSampleRate is int asked && asked != rate))
        {
            return Fail(ServiceErrors.InvalidSampleRate, facts);
        }

        if (facts.Channels is int channels)
        {
            bool twoChannelsRequired = family == TranscribeJobFamily.CallAnalytics;
            if (channels > 2 && (twoChannelsRequired || channelIdentification))
            {
                return Fail(ServiceErrors.TooManyChannels, facts);
            }

            if (channels < 2 && twoChannelsRequired)
            {
                return Fail(ServiceErrors.TooFewChannels, facts);
            }
        }

        return new MediaAssessment(facts, durationMs, null);
    }

    private static MediaAssessment Fail(string reason, MediaHeader? facts = null) => new(facts, 0, reason);

    /// <summary>m4a is an mp4 container; the service treats the two names as the same detection.</summary>
    private static bool SameFormat(string requested, string detected) =>
        requested == detected || requested is "mp4" or "m4a" && detected is "mp4" or "m4a";

    /// <summary>Compressed headers do not state a duration; a typical speech bitrate turns size into one.</summary>
    private static TimeSpan EstimateDuration(string format, long size)
    {
        int bitsPerSecond = format switch
        {
            "amr" => 12_200,
            "ogg" or "webm" => 48_000,
            _ => 128_000,
        };
        return TimeSpan.FromSeconds(size * 8.0 / bitsPerSecond);
    }
}
