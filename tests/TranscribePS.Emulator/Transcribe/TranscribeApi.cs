using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Storage;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>An answer to one Transcribe JSON 1.1 call: HTTP status and JSON body.</summary>
public sealed record ApiResponse(int StatusCode, JsonNode Body);

/// <summary>A modelled service error: written as X-Amzn-ErrorType header plus {"__type","Message"} body.</summary>
public sealed class ApiError(string errorType, int statusCode, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
    public int StatusCode { get; } = statusCode;
}

/// <summary>Settings of the Transcribe half of the emulator (job timing, concurrent-job quotas).</summary>
public sealed class TranscribeOptions
{
}

/// <summary>
/// The Transcribe service: every operation, its validation, the job state machine and the output writer.
/// The HTTP layer has already verified the signature, request quotas and scripted faults.
/// </summary>
public sealed class TranscribeApi
{
    private readonly ObjectStore _store;
    private readonly TranscribeOptions _options;

    public TranscribeApi(ObjectStore store, TranscribeOptions options, string region, TimeProvider? time = null)
    {
        _store = store;
        _options = options;
        Region = region;
        _ = time;
    }

    public string Region { get; }

    /// <param name="operation">The part of X-Amz-Target after "Transcribe.".</param>
    public Task<ApiResponse> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken)
    {
        _ = _store;
        _ = _options;
        throw new ApiError("UnknownOperationException", 400, $"Unknown operation {operation}.");
    }
}
