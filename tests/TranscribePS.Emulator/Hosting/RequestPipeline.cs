using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.S3;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Hosting;

/// <summary>
/// Everything on the one port that is not an admin route. Transcribe: POST / with X-Amz-Target
/// "Transcribe.&lt;Op&gt;" → count → SigV4 (transcribe) → request-rate quota → scripted faults → TranscribeApi.
/// Anything else is path-style S3: count → SigV4 (s3) → scripted faults → S3Service. A request cut (CutRequest) is cut
/// right after the count, before its body is read; an answer held (CutResponse, Stall) is released last.
/// </summary>
internal sealed class RequestPipeline(
    SigV4Verifier verifier,
    RequestCounter requests,
    RequestQuotas quotas,
    FaultInjector faults,
    TranscribeApi transcribe,
    S3Service s3,
    bool verbose)
{
    private const string TargetPrefix = "Transcribe.";
    private const string JsonContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var requestId = NewRequestId();
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var queryAt = raw.IndexOf('?', StringComparison.Ordinal);
        var (rawPath, rawQuery) = queryAt < 0 ? (raw, string.Empty) : (raw[..queryAt], raw[(queryAt + 1)..]);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        string operation;
        try
        {
            if (context.Request.Method == "POST" && rawPath == "/" && target.Length > 0)
            {
                operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
                await HandleTranscribeAsync(context, operation, target, rawPath, rawQuery, requestId, ct).ConfigureAwait(false);
            }
            else
            {
                operation = await HandleS3Async(context, rawPath, rawQuery, requestId, ct).ConfigureAwait(false);
            }

            if (HeldAnswer.Of(context) is { } held)
            {
                await held.ReleaseAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }

        if (verbose)
        {
            await Console.Error.WriteLineAsync($"{context.Request.Method} {raw} {operation} -> {context.Response.StatusCode}").ConfigureAwait(false);
        }
    }

    private async Task HandleTranscribeAsync(HttpContext context, string operation, string target, string rawPath, string rawQuery, string requestId, CancellationToken ct)
    {
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        requests.Increment(operation);
        using var handling = requests.Handling(operation);
        if (faults.EvaluateOnArrival(operation) is { } cut)
        {
            await CutRequestAsync(context, cut.AfterBytes, ct).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request, ct).ConfigureAwait(false);
        try
        {
            if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
            {
                throw new ApiError("UnknownOperationException", 400, $"Unknown target '{target}'; Transcribe targets are 'Transcribe.<Operation>'.");
            }

            var auth = verifier.Verify(ToSignedRequest(context.Request, rawPath, rawQuery, body), "transcribe");
            if (!auth.Succeeded)
            {
                throw AuthErrors.ForTranscribe(auth);
            }

            if (!quotas.TryAcquire(operation))
            {
                throw new ApiError("LimitExceededException", 429, "Rate exceeded");
            }

            if (await ApplyFaultsAsync(operation, ct).ConfigureAwait(false) is { } fault)
            {
                if (fault.Action == FaultAction.Drop)
                {
                    context.Abort();
                    return;
                }

                if (HeldAnswer.Applies(fault))
                {
                    HeldAnswer.Hold(context, fault);
                }
                else
                {
                    throw fault.Action == FaultAction.Throttle
                        ? new ApiError("LimitExceededException", 429, "Rate exceeded")
                        : new ApiError(fault.ErrorCode ?? "InternalFailureException", fault.StatusCode, fault.Message ?? "Scripted fault from the emulator.");
                }
            }

            JsonElement input;
            try
            {
                using var doc = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
                input = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new ApiError("SerializationException", 400, "The request body is not valid JSON.");
            }

            var response = await transcribe.HandleAsync(operation, input, ct).ConfigureAwait(false);
            await WriteJsonAsync(context.Response, response.StatusCode, response.Body, ct).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            context.Response.Headers["X-Amzn-ErrorType"] = error.ErrorType;
            await WriteJsonAsync(context.Response, error.StatusCode, new JsonObject { ["__type"] = error.ErrorType, ["Message"] = error.Message }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"Transcribe {operation} failed inside the emulator: {ex}").ConfigureAwait(false);
            context.Response.Headers["X-Amzn-ErrorType"] = "InternalFailureException";
            await WriteJsonAsync(context.Response, 500, new JsonObject { ["__type"] = "InternalFailureException", ["Message"] = "The emulator failed: " + ex.Message }, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> HandleS3Async(HttpContext context, string rawPath, string rawQuery, string requestId, CancellationToken ct)
    {
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(requestId)));
        var trimmed = rawPath.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var bucket = SigV4.PercentDecode(slash < 0 ? trimmed : trimmed[..slash]);
        var key = slash < 0 ? string.Empty : SigV4.PercentDecode(trimmed[(slash + 1)..]);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in SigV4.ParseRawQuery(rawQuery))
        {
            query.TryAdd(SigV4.PercentDecode(name), SigV4.PercentDecode(value));
        }

        var method = context.Request.Method;
        var operation = S3Operations.Identify(method, bucket, key, query, context.Request.Headers.ContainsKey("x-amz-copy-source"));
        requests.Increment(operation);
        using var handling = requests.Handling(operation);
        if (faults.EvaluateOnArrival(operation) is { } cut)
        {
            await CutRequestAsync(context, cut.AfterBytes, ct).ConfigureAwait(false);
            return operation;
        }

        var resource = "/" + bucket + (key.Length > 0 ? "/" + key : string.Empty);
        try
        {
            var body = await ReadBodyAsync(context.Request, ct).ConfigureAwait(false);
            var auth = verifier.Verify(ToSignedRequest(context.Request, rawPath, rawQuery, body), "s3");
            if (!auth.Succeeded)
            {
                throw AuthErrors.ForS3(auth);
            }

            if (await ApplyFaultsAsync(operation, ct).ConfigureAwait(false) is { } fault)
            {
                if (fault.Action == FaultAction.Drop)
                {
                    context.Abort();
                    return operation;
                }

                if (HeldAnswer.Applies(fault))
                {
                    HeldAnswer.Hold(context, fault);
                }
                else
                {
                    throw fault.Action == FaultAction.Throttle
                        ? new S3Exception(503, "SlowDown", "Please reduce your request rate.")
                        : new S3Exception(fault.StatusCode, fault.ErrorCode ?? "InternalError", fault.Message ?? "Scripted fault from the emulator.");
                }
            }

            await s3.HandleAsync(
                new S3Call { Http = context, Operation = operation, Bucket = bucket, Key = key, Query = query, Payload = auth.Payload, Trailers = auth.Trailers },
                ct).ConfigureAwait(false);
        }
        catch (S3Exception error)
        {
            await WriteS3ErrorAsync(context, error, resource, requestId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"S3 {operation} failed inside the emulator: {ex}").ConfigureAwait(false);
            await WriteS3ErrorAsync(context, new S3Exception(500, "InternalError", "The emulator failed: " + ex.Message), resource, requestId, ct).ConfigureAwait(false);
        }

        return operation;
    }

    /// <summary>Adds scripted latency and returns the terminal fault to answer with, if any.</summary>
    private async Task<FaultRule?> ApplyFaultsAsync(string operation, CancellationToken ct)
    {
        var decision = faults.Evaluate(operation);
        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, ct).ConfigureAwait(false);
        }

        return decision.Terminal;
    }

    private static async Task WriteS3ErrorAsync(HttpContext context, S3Exception error, string resource, string requestId, CancellationToken ct)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.Headers.Remove("ETag");
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (context.Request.Method == "HEAD")
        {
            context.Response.StatusCode = error.StatusCode;
            return;
        }

        var root = new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message));
        foreach (var (name, value) in error.Details)
        {
            root.Add(new XElement(name, value));
        }

        root.Add(new XElement("Resource", resource), new XElement("RequestId", requestId), new XElement("HostId", context.Response.Headers["x-amz-id-2"].ToString()));
        await S3Service.WriteXml(context.Response, error.StatusCode, root, ct).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpResponse response, int status, JsonNode body, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    /// <summary>Reads the first <paramref name="afterBytes"/> bytes of the request body (fewer when it is shorter), then closes the connection.</summary>
    private static async Task CutRequestAsync(HttpContext context, long afterBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        for (long read = 0; read < afterBytes;)
        {
            var n = await context.Request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, afterBytes - read)), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        context.Abort();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length and < int.MaxValue)
        {
            var data = new byte[length];
            await request.Body.ReadExactlyAsync(data, ct).ConfigureAwait(false);
            return data;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static SignedRequest ToSignedRequest(HttpRequest request, string rawPath, string rawQuery, byte[] body) => new()
    {
        Method = request.Method,
        RawPath = rawPath,
        RawQuery = rawQuery,
        Headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty))).ToList(),
        Body = body,
    };

    private static string NewRequestId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}
