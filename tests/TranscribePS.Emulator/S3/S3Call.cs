using Microsoft.AspNetCore.Http;

namespace TranscribePS.Emulator.S3;

/// <summary>One authenticated path-style S3 request, with its body already de-chunked and verified.</summary>
public sealed class S3Call
{
    public required HttpContext Http { get; init; }

    public required string Operation { get; init; }

    /// <summary>Empty for service-level calls (ListBuckets).</summary>
    public required string Bucket { get; init; }

    /// <summary>Empty for bucket-level calls.</summary>
    public required string Key { get; init; }

    /// <summary>Decoded query parameters; the first value wins when a name repeats.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required byte[] Payload { get; init; }

    /// <summary>aws-chunked trailing headers (lowercase names).</summary>
    public required IReadOnlyDictionary<string, string> Trailers { get; init; }

    public string Method => Http.Request.Method;

    public HttpResponse Response => Http.Response;

    public string? Header(string name)
    {
        var values = Http.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    public string? Param(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => Query.ContainsKey(name);
}
