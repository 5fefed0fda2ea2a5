using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscribePS.Emulator.Hosting;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// Unsigned control routes under /_emulator/ (loopback callers only): request counts (GET; DELETE clears only
/// the counts), the objects held (GET /objects; GET, PUT and DELETE /objects/bucket/key read, store without metadata, remove one), scripted faults, quotas, reset. The same controls exist in-process on <see cref="EmulatorServer"/>. The Transcribe service maps its own
/// routes (clock, timing, job quotas, scripted content) under /_emulator/transcribe/.
/// </summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Refuses callers that are not on this machine (the server binds loopback only; this is a second lock).</summary>
    public static RouteGroupBuilder LoopbackOnly(RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context).ConfigureAwait(false)
                : Results.StatusCode(403));
        return group;
    }

    public static RouteGroupBuilder MapAdminRoutes(this IEndpointRouteBuilder endpoints, EmulatorServer server)
    {
        var group = LoopbackOnly(endpoints.MapGroup(Prefix));

        group.MapGet("/health", () => Results.Json(new { status = "ok", endpoint = server.Endpoint.ToString(), region = server.Region }, Json));
        group.MapGet("/requests", () => Results.Json(server.Requests.Snapshot(), Json));

        // Requests the request-rate quotas refused ("Rate exceeded"), per operation: a client that keeps to the service's
        // rates has none. Emptied with the counts.
        group.MapGet("/throttles", () => Results.Json(server.Quotas.Refused.Snapshot(), Json));

        // What is in S3, without signing a request: "s3://bucket/key" of every object, so a test can see what a clean-up left.
        group.MapGet("/objects", () => Results.Json(
            server.Store.Buckets().SelectMany(b => server.Store.List(b)).Select(o => $"s3://{o.Bucket}/{o.Key}").ToList(), Json));

        // An object put there as another tool would (no metadata), for tests of what the module leaves alone.
        group.MapPut("/objects/{bucket}/{**key}", async (string bucket, string key, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
            server.Store.Put(bucket, key, body.ToArray());
            return Results.NoContent();
        });

        // The bytes held, to compare with what was uploaded; and an object removed behind the module's back.
        group.MapGet("/objects/{bucket}/{**key}", (string bucket, string key) =>
            server.Store.Get(bucket, key) is { } stored ? Results.Bytes(stored.Data, "application/octet-stream") : Results.NotFound());
        group.MapDelete("/objects/{bucket}/{**key}", (string bucket, string key) =>
            server.Store.Delete(bucket, key) ? Results.NoContent() : Results.NotFound());

        // Counts only: jobs, objects, categories and scripts stay, so a test can ask what a rerun called.
        group.MapDelete("/requests", () =>
        {
            server.Requests.Reset();
            server.Quotas.Refused.Reset();
            return Results.NoContent();
        });
        group.MapGet("/faults", () => Results.Json(server.Faults.Rules, Json));
        group.MapPost("/faults", async (HttpRequest request) =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(request.Body, Json, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.Json(new { message = "The fault rule is not valid JSON: " + ex.Message }, Json, statusCode: 400);
            }

            if (rule is null)
            {
                return Results.Json(new { message = "Send one fault rule as a JSON object." }, Json, statusCode: 400);
            }

            try
            {
                server.Faults.Add(rule);
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new { message = ex.Message }, Json, statusCode: 400);
            }

            return Results.Json(rule, Json, statusCode: 201);
        });
        group.MapDelete("/faults", () =>
        {
            server.Faults.Clear();
            return Results.NoContent();
        });
        group.MapPut("/quotas", async (HttpRequest request) =>
        {
            Dictionary<string, int?>? limits;
            try
            {
                limits = await JsonSerializer.DeserializeAsync<Dictionary<string, int?>>(request.Body, Json, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.Json(new { message = "Send {\"<Operation>|*\": <requests per second> | null}: " + ex.Message }, Json, statusCode: 400);
            }

            if (limits is null || limits.Values.Any(v => v < 0))
            {
                return Results.Json(new { message = "Send {\"<Operation>|*\": <requests per second> | null}; limits cannot be negative." }, Json, statusCode: 400);
            }

            if (limits.TryGetValue(RequestQuotas.AllOperations, out var all))
            {
                server.Quotas.Set(RequestQuotas.AllOperations, all);
            }

            foreach (var (operation, limit) in limits.Where(l => l.Key != RequestQuotas.AllOperations))
            {
                server.Quotas.Set(operation, limit);
            }

            return Results.NoContent();
        });
        group.MapPost("/reset", () =>
        {
            server.Reset();
            return Results.NoContent();
        });
        return group;
    }
}
