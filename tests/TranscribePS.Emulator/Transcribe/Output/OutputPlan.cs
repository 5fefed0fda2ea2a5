using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Transcribe.Output;

/// <summary>One output file: where it goes and the URI the job reports for it.</summary>
internal sealed record OutputFile(S3Location Location, string Uri);

/// <summary>
/// Where the service writes a job's files, from the request's OutputBucketName/OutputKey or OutputLocation:
/// <list type="bullet">
/// <item>standard: OutputKey ending ".json" names the file; another OutputKey is a folder holding &lt;JobName&gt;.json;
/// none: &lt;JobName&gt;.json at the bucket root. A redacted transcript is "redacted-&lt;file&gt;" beside it. No bucket: the
/// service's bucket, reported as a 15-minute pre-signed https URL.</item>
/// <item>medical: as standard but under a "medical/" folder: [&lt;OutputKey&gt;/]medical/&lt;JobName&gt;.json (an OutputKey
/// ending ".json" still names the file).</item>
/// <item>call analytics: OutputLocation s3://bucket[/prefix/] → [prefix/]analytics/&lt;JobName&gt;.json, redacted
/// [prefix/]redacted-analytics/&lt;JobName&gt;.json; s3://bucket/prefix/file.json names the file (redacted beside it as
/// redacted-file.json). None: the service's bucket.</item>
/// <item>HealthScribe: &lt;OutputBucketName&gt;/&lt;JobName&gt;/transcript.json and /summary.json.</item>
/// </list>
/// Reported URIs are https://s3.&lt;region&gt;.amazonaws.com/bucket/key, as the service returns them.
/// </summary>
internal sealed class OutputPlan(string region, string accountId, TimeProvider clock)
{
    /// <summary>The service's own output bucket (in the service's account: it always exists, customers never list it).</summary>
    public string ServiceBucket => $"aws-transcribe-{region}-prod";

    public OutputFile Transcript(TranscribeJobFamily family, string jobName, JsonObject request, bool redacted)
    {
        if (family == TranscribeJobFamily.CallAnalytics)
        {
            return CallAnalytics(jobName, JobRequests.Str(request, "OutputLocation"), redacted);
        }

        string? bucket = JobRequests.Str(request, "OutputBucketName");
        string fileName = (redacted ? "redacted-" : string.Empty) + jobName + ".json";
        if (bucket is null)
        {
            return ServiceFile(jobName, (redacted ? "redacted-" : string.Empty) + "asrOutput.json");
        }

        string folder = family == TranscribeJobFamily.Medical ? "medical/" : string.Empty;
        string? key = JobRequests.Str(request, "OutputKey");
        string objectKey = key switch
        {
            null => folder + fileName,
            _ when key.EndsWith(".json", StringComparison.Ordinal) => redacted ? Beside(key, "redacted-") : key,
            _ => key.TrimEnd('/') + "/" + folder + fileName,
        };
        return Customer(new S3Location(bucket, objectKey));
    }

    public OutputFile Subtitle(TranscribeJobFamily family, string jobName, JsonObject request, string format)
    {
        var transcript = Transcript(family, jobName, request, redacted: false);
        string key = transcript.Location.Key;
        var location = transcript.Location with { Key = key[..^".json".Length] + "." + format };
        return transcript.Uri.Contains('?', StringComparison.Ordinal) ? Presigned(location) : Customer(location);
    }

    public (OutputFile Transcript, OutputFile ClinicalDocument) Scribe(string jobName, JsonObject request)
    {
        string bucket = JobRequests.Str(request, "OutputBucketName")!;
        return (Customer(new S3Location(bucket, $"{jobName}/transcript.json")), Customer(new S3Location(bucket, $"{jobName}/summary.json")));
    }

    private OutputFile CallAnalytics(string jobName, string? outputLocation, bool redacted)
    {
        string folder = redacted ? "redacted-analytics/" : "analytics/";
        if (outputLocation is null)
        {
            return ServiceFile(jobName, folder + jobName + ".json");
        }

        string rest = outputLocation["s3://".Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? rest : rest[..slash];
        string path = slash < 0 ? string.Empty : rest[(slash + 1)..];
        string key = path.EndsWith(".json", StringComparison.Ordinal)
            ? (redacted ? Beside(path, "redacted-") : path)
            : (path.Length == 0 ? string.Empty : path.TrimEnd('/') + "/") + folder + jobName + ".json";
        return Customer(new S3Location(bucket, key));
    }

    private static string Beside(string key, string prefix)
    {
        int slash = key.LastIndexOf('/');
        return key[..(slash + 1)] + prefix + key[(slash + 1)..];
    }

    private OutputFile Customer(S3Location location) => new(location, location.ToHttpsUri(region));

    private OutputFile ServiceFile(string jobName, string file) =>
        Presigned(new S3Location(ServiceBucket, $"{accountId}/{jobName}/{ContentIds.Uuid(jobName, "service-output", 0)}/{file}"));

    /// <summary>The service bucket's files are handed out as pre-signed URLs valid for 15 minutes.</summary>
    private OutputFile Presigned(S3Location location)
    {
        string signature = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(location.Bucket + "/" + location.Key))).ToLowerInvariant();
        string date = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string uri = location.ToHttpsUri(region) +
            $"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date={date}&X-Amz-SignedHeaders=host&X-Amz-Expires=900" +
            $"&X-Amz-Credential=ASIAEMULATOR%2F{date[..8]}%2F{region}%2Fs3%2Faws4_request&X-Amz-Signature={signature}";
        return new OutputFile(location, uri);
    }
}
