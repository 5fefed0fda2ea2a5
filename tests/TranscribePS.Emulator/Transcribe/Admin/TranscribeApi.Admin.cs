using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscribePS.Emulator.Transcribe.Content;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>Body of POST /_emulator/transcribe/timing.</summary>
public sealed record TimingRequest(TranscribeTimingMode Mode, double? QueueDelaySeconds = null, double? BaseProcessingSeconds = null, double? ProcessingFactor = null);

/// <summary>Body of POST /_emulator/transcribe/clock/advance.</summary>
public sealed record AdvanceRequest(double Seconds);

/// <summary>Body of PUT /_emulator/transcribe/scripts/media: the recording (any media URI form) and its conversation.</summary>
public sealed record MediaScriptRequest(string MediaUri, IReadOnlyList<ScriptedTurn> Turns);

public sealed partial class TranscribeApi
{
    private const string AdminRoot = "/_emulator/transcribe";

    private static readonly JsonSerializerOptions AdminJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Maps the control routes (JSON in, JSON out) for tests that drive the emulator over HTTP:
    /// GET state | jobs | start-attempts | clock; POST timing {Mode, QueueDelaySeconds?, BaseProcessingSeconds?,
    /// ProcessingFactor?} | clock/advance {Seconds} | quotas {Standard?, Medical?, CallAnalytics?, Scribe?} | reset;
    /// PUT scripts/jobs/{jobName} {Turns} | scripts/media {MediaUri, Turns}; DELETE scripts. All under /_emulator/transcribe/.
    /// </summary>
    public void MapAdminRoutes(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(AdminRoot + "/state", context => Json(context, 200, State()));
        endpoints.MapGet(AdminRoot + "/jobs", context => Json(context, 200, Jobs));
        endpoints.MapGet(AdminRoot + "/start-attempts", context => Json(context, 200, StartAttempts));
        endpoints.MapGet(AdminRoot + "/clock", context => Json(context, 200, ClockState()));
        endpoints.MapPost(AdminRoot + "/timing", context => WithBody<TimingRequest>(context, timing =>
        {
            SetTiming(
                timing.Mode,
                timing.QueueDelaySeconds is double queue ? TimeSpan.FromSeconds(queue) : null,
                timing.BaseProcessingSeconds is double processing ? TimeSpan.FromSeconds(processing) : null,
                timing.ProcessingFactor);
            return State();
        }));
        endpoints.MapPost(AdminRoot + "/clock/advance", context => WithBody<AdvanceRequest>(context, advance =>
        {
            AdvanceClock(TimeSpan.FromSeconds(advance.Seconds));
            return ClockState();
        }));
        endpoints.MapPost(AdminRoot + "/quotas", context => WithBody<Dictionary<TranscribeJobFamily, int>>(context, quotas =>
        {
            foreach (var (family, limit) in quotas)
            {
                SetConcurrentJobQuota(family, limit);
            }

            return State();
        }));
        endpoints.MapPut(AdminRoot + "/scripts/jobs/{jobName}", context => WithBody<ConversationScript>(context, script =>
        {
            string jobName = (string)context.Request.RouteValues["jobName"]!;
            ScriptJob(jobName, script);
            return new { JobName = jobName, script.Turns.Count };
        }));
        endpoints.MapPut(AdminRoot + "/scripts/media", context => WithBody<MediaScriptRequest>(context, request =>
        {
            ScriptMedia(request.MediaUri, new ConversationScript(request.Turns));
            return new { request.MediaUri, request.Turns.Count };
        }));
        endpoints.MapDelete(AdminRoot + "/scripts", context =>
        {
            ClearScripts();
            return Json(context, 200, new { Cleared = true });
        });
        endpoints.MapPost(AdminRoot + "/reset", context =>
        {
            Reset();
            return Json(context, 200, State());
        });
    }

    private object State()
    {
        lock (_gate)
        {
            return new
            {
                _options.TimingMode,
                QueueDelaySeconds = _options.QueueDelay.TotalSeconds,
                BaseProcessingSeconds = _options.BaseProcessingTime.TotalSeconds,
                _options.ProcessingFactor,
                Quotas = Enum.GetValues<TranscribeJobFamily>().ToDictionary(f => f.ToString(), _options.ConcurrentLimit),
                Clock = ClockState(),
                Categories = _categories.Keys.Order(StringComparer.Ordinal).ToList(),
            };
        }
    }

    private object ClockState() => new { Now = _clock.GetUtcNow(), OffsetSeconds = _clock.Offset.TotalSeconds };

    private static async Task WithBody<T>(HttpContext context, Func<T, object> apply)
    {
        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, AdminJson, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            await Json(context, 400, new { Message = "The body is not valid JSON for this route: " + error.Message }).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await Json(context, 400, new { Message = "A JSON body is required." }).ConfigureAwait(false);
            return;
        }

        object result;
        try
        {
            result = apply(body);
        }
        catch (ArgumentException error)
        {
            await Json(context, 400, new { Message = error.Message }).ConfigureAwait(false);
            return;
        }

        await Json(context, 200, result).ConfigureAwait(false);
    }

    private static Task Json(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(value, value.GetType(), AdminJson, context.RequestAborted);
    }
}
