using System.Text.Json.Serialization;

namespace TranscribePS.Emulator.Control;

/// <summary>What a matching fault rule does to the call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultAction>))]
public enum FaultAction
{
    /// <summary>Answer with an error in the protocol's format (StatusCode, ErrorCode, Message).</summary>
    Error,

    /// <summary>Answer as throttled: LimitExceededException 429 for Transcribe, SlowDown 503 for S3.</summary>
    Throttle,

    /// <summary>Drop the connection without an answer.</summary>
    Drop,

    /// <summary>Wait <see cref="FaultRule.LatencyMilliseconds"/>, then handle the call normally.</summary>
    Latency,

    /// <summary>
    /// Read the first <see cref="FaultRule.AfterBytes"/> bytes of the request body (all of it when shorter), then close
    /// the connection without an answer: an upload cut off in the middle. The call is not handled. Counted as calls
    /// arrive, before authentication (which needs the whole body).
    /// </summary>
    CutRequest,

    /// <summary>
    /// Handle the call, then send the status line, the headers (with the full Content-Length) and only the first
    /// <see cref="FaultRule.AfterBytes"/> bytes of the body, and close the connection: a download cut off in the
    /// middle, after the service did the work. An answer no longer than that goes out whole.
    /// </summary>
    CutResponse,

    /// <summary>
    /// Handle the call, then hold its answer back <see cref="FaultRule.LatencyMilliseconds"/> before sending it: a
    /// slow answer to work the service did, so a client that gives up and retries meets its own first call's result.
    /// </summary>
    Stall,
}

/// <summary>
/// A scripted fault: which calls of which operation it hits (calls are counted per rule, from 1, among the calls
/// of that operation that passed authentication and quotas) and what it does. Operation "*" matches every call.
/// </summary>
public sealed record FaultRule
{
    public required string Operation { get; init; }

    public FaultAction Action { get; init; } = FaultAction.Error;

    /// <summary>First call number the rule hits (1-based).</summary>
    public int FirstCall { get; init; } = 1;

    /// <summary>Last call number the rule hits; null = every call from FirstCall on.</summary>
    public int? LastCall { get; init; }

    /// <summary>Chance (0..1) that a call in range is hit.</summary>
    public double Probability { get; init; } = 1.0;

    public int StatusCode { get; init; } = 500;

    /// <summary>Error type/code; defaults to InternalFailureException (Transcribe) or InternalError (S3).</summary>
    public string? ErrorCode { get; init; }

    public string? Message { get; init; }

    /// <summary>For Latency and Stall: how long.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>For CutRequest and CutResponse: how many bytes of the body pass before the connection is closed.</summary>
    public long AfterBytes { get; init; }

    public static FaultRule Error(string operation, int statusCode, string errorCode, string? message = null) =>
        new() { Operation = operation, Action = FaultAction.Error, StatusCode = statusCode, ErrorCode = errorCode, Message = message };

    public static FaultRule Throttle(string operation) => new() { Operation = operation, Action = FaultAction.Throttle };

    public static FaultRule Drop(string operation) => new() { Operation = operation, Action = FaultAction.Drop };

    public static FaultRule Latency(string operation, TimeSpan delay) =>
        new() { Operation = operation, Action = FaultAction.Latency, LatencyMilliseconds = (int)delay.TotalMilliseconds };

    public static FaultRule CutRequest(string operation, long afterBytes) => new() { Operation = operation, Action = FaultAction.CutRequest, AfterBytes = afterBytes };

    public static FaultRule CutResponse(string operation, long afterBytes) => new() { Operation = operation, Action = FaultAction.CutResponse, AfterBytes = afterBytes };

    public static FaultRule Stall(string operation, TimeSpan delay) =>
        new() { Operation = operation, Action = FaultAction.Stall, LatencyMilliseconds = (int)delay.TotalMilliseconds };

    /// <summary>Only the Nth call.</summary>
    public FaultRule OnCall(int n) => this with { FirstCall = n, LastCall = n };

    /// <summary>Calls first..last inclusive.</summary>
    public FaultRule OnCalls(int first, int last) => this with { FirstCall = first, LastCall = last };

    public FaultRule WithProbability(double probability) => this with { Probability = probability };

    internal bool Covers(int callNumber) => callNumber >= FirstCall && (LastCall is null || callNumber <= LastCall);

    internal string Validate()
    {
        if (string.IsNullOrWhiteSpace(Operation))
        {
            return "Operation is required (an operation name such as StartCallAnalyticsJob or PutObject, or \"*\").";
        }

        if (FirstCall < 1 || LastCall < FirstCall)
        {
            return "FirstCall must be at least 1 and LastCall, when given, at least FirstCall.";
        }

        if (Probability is < 0 or > 1)
        {
            return "Probability must be between 0 and 1.";
        }

        if (Action == FaultAction.Error && StatusCode is < 400 or > 599)
        {
            return "StatusCode of an error must be 400-599.";
        }

        if (Action is FaultAction.CutRequest or FaultAction.CutResponse && AfterBytes < 0)
        {
            return "AfterBytes must be 0 or more for a cut rule.";
        }

        return Action is FaultAction.Latency or FaultAction.Stall && LatencyMilliseconds <= 0
            ? "LatencyMilliseconds must be positive for a latency or stall rule."
            : string.Empty;
    }
}
