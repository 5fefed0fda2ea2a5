using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Storage;
using TranscribePS.Emulator.Transcribe.Categories;
using TranscribePS.Emulator.Transcribe.Content;
using TranscribePS.Emulator.Transcribe.Output;

namespace TranscribePS.Emulator.Transcribe;

/// <summary>An answer to one Transcribe JSON 1.1 call: HTTP status and JSON body.</summary>
public sealed record ApiResponse(int StatusCode, JsonNode Body);

/// <summary>A modelled service error: written as X-Amzn-ErrorType header plus {"__type","Message"} body.</summary>
public sealed class ApiError(string errorType, int statusCode, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
    public int StatusCode { get; } = statusCode;
}

/// <summary>A job as the emulator holds it, for tests and the admin endpoint.</summary>
public sealed record EmulatedJob(
    TranscribeJobFamily Family,
    string Name,
    string Status,
    DateTimeOffset CreationTime,
    DateTimeOffset? StartTime,
    DateTimeOffset? CompletionTime,
    string? FailureReason,
    string? TranscriptFileUri,
    string? RedactedTranscriptFileUri);

/// <summary>One Start call as received, accepted or not (even malformed): lets tests prove no job was ever submitted twice.</summary>
/// <param name="JobName">The name the request carried; null when it had none.</param>
/// <param name="Outcome">IN_PROGRESS or QUEUED when accepted, else the error type answered.</param>
public sealed record StartAttempt(TranscribeJobFamily Family, string? JobName, DateTimeOffset At, string Outcome);

/// <summary>
/// The Transcribe service: every operation, its validation, the job state machine and the output writer.
/// The HTTP layer has already verified the signature, request quotas and scripted faults.
/// </summary>
public sealed partial class TranscribeApi
{
    private readonly ObjectStore _store;
    private readonly TranscribeOptions _options;
    private readonly EmulatorClock _clock;
    private readonly OutputPlan _outputs;
    private readonly object _gate = new();
    private readonly Dictionary<(TranscribeJobFamily, string), JobRecord> _jobs = [];
    private readonly Dictionary<string, CategoryRecord> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationScript> _jobScripts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Bucket, string Key), ConversationScript> _mediaScripts = [];
    private readonly List<StartAttempt> _startAttempts = [];
    private long _sequence;

    public TranscribeApi(ObjectStore store, TranscribeOptions options, string region, TimeProvider? time = null)
    {
        _store = store;
        _options = options;
        Region = region;
        _clock = new EmulatorClock(time ?? TimeProvider.System);
        _outputs = new OutputPlan(region, options.AccountId, _clock);
    }

    public string Region { get; }

    /// <summary>
    /// Signs a GET URL (bucket, key) for a file kept in the service's own bucket, on the emulator's address; set by the
    /// server once it listens, so a client can read the file back as it would from AWS. Without it the stored
    /// https://s3.&lt;region&gt;.amazonaws.com form is reported.
    /// </summary>
    public Func<string, string, string>? ServiceFileSigner { get; set; }

    /// <summary>The URI a Start or Get reports for an output file: a service-bucket file is re-signed on every answer.</summary>
    private string PresentOutputUri(string uri)
    {
        if (ServiceFileSigner is null || !uri.Contains('?', StringComparison.Ordinal) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return uri;
        }

        string path = parsed.AbsolutePath.TrimStart('/');
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && path[..slash] == _outputs.ServiceBucket
            ? ServiceFileSigner(_outputs.ServiceBucket, Uri.UnescapeDataString(path[(slash + 1)..]))
            : uri;
    }

    /// <param name="operation">The part of X-Amz-Target after "Transcribe.".</param>
    public Task<ApiResponse> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!ServiceModel.Instance.HasOperation(operation))
        {
            throw new ApiError("UnknownOperationException", 400, $"Unknown operation {operation}.");
        }

        var family = StartedFamily(operation);
        try
        {
            ServiceModel.Instance.ValidateInput(operation, body);
            var request = JsonNode.Parse(body.GetRawText())!.AsObject();
            JsonNode answer;
            lock (_gate)
            {
                answer = Dispatch(operation, request);
                if (family is { } started)
                {
                    var job = answer[JobRequests.Names[started].Wrapper]!;
                    RecordStart(started, job[JobRequests.Names[started].JobName]!.GetValue<string>(), job[JobRequests.Names[started].Status]!.GetValue<string>());
                }
            }

            return Task.FromResult(new ApiResponse(200, answer));
        }
        catch (ApiError error) when (family is { } refused)
        {
            string? name = body.ValueKind == JsonValueKind.Object && body.TryGetProperty(JobRequests.Names[refused].JobName, out var member) && member.ValueKind == JsonValueKind.String
                ? member.GetString()
                : null;
            lock (_gate)
            {
                RecordStart(refused, name, error.ErrorType);
            }

            throw;
        }
    }

    private static TranscribeJobFamily? StartedFamily(string operation) => operation switch
    {
        "StartTranscriptionJob" => TranscribeJobFamily.Standard,
        "StartMedicalTranscriptionJob" => TranscribeJobFamily.Medical,
        "StartCallAnalyticsJob" => TranscribeJobFamily.CallAnalytics,
        "StartMedicalScribeJob" => TranscribeJobFamily.Scribe,
        _ => null,
    };

    private void RecordStart(TranscribeJobFamily family, string? jobName, string outcome) =>
        _startAttempts.Add(new StartAttempt(family, jobName, _clock.GetUtcNow(), outcome));

    private JsonNode Dispatch(string operation, JsonObject request) => operation switch
    {
        "StartTranscriptionJob" => StartJob(TranscribeJobFamily.Standard, request),
        "StartMedicalTranscriptionJob" => StartJob(TranscribeJobFamily.Medical, request),
        "StartCallAnalyticsJob" => StartJob(TranscribeJobFamily.CallAnalytics, request),
        "StartMedicalScribeJob" => StartJob(TranscribeJobFamily.Scribe, request),
        "GetTranscriptionJob" => GetJob(TranscribeJobFamily.Standard, request),
        "GetMedicalTranscriptionJob" => GetJob(TranscribeJobFamily.Medical, request),
        "GetCallAnalyticsJob" => GetJob(TranscribeJobFamily.CallAnalytics, request),
        "GetMedicalScribeJob" => GetJob(TranscribeJobFamily.Scribe, request),
        "ListTranscriptionJobs" => ListJobs(TranscribeJobFamily.Standard, request),
        "ListMedicalTranscriptionJobs" => ListJobs(TranscribeJobFamily.Medical, request),
        "ListCallAnalyticsJobs" => ListJobs(TranscribeJobFamily.CallAnalytics, request),
        "ListMedicalScribeJobs" => ListJobs(TranscribeJobFamily.Scribe, request),
        "DeleteTranscriptionJob" => DeleteJob(TranscribeJobFamily.Standard, request),
        "DeleteMedicalTranscriptionJob" => DeleteJob(TranscribeJobFamily.Medical, request),
        "DeleteCallAnalyticsJob" => DeleteJob(TranscribeJobFamily.CallAnalytics, request),
        "DeleteMedicalScribeJob" => DeleteJob(TranscribeJobFamily.Scribe, request),
        "CreateCallAnalyticsCategory" => CreateCategory(request),
        "GetCallAnalyticsCategory" => GetCategory(request),
        "ListCallAnalyticsCategories" => ListCategories(request),
        "UpdateCallAnalyticsCategory" => UpdateCategory(request),
        "DeleteCallAnalyticsCategory" => DeleteCategory(request),
        _ => throw new ApiError("UnknownOperationException", 400, $"Unknown operation {operation}."),
    };

    /// <summary>The current timing mode.</summary>
    public TranscribeTimingMode TimingMode
    {
        get
        {
            lock (_gate)
            {
                return _options.TimingMode;
            }
        }
    }

    /// <summary>Switches timing; jobs already running keep their place and continue under the new mode.</summary>
    public void SetTiming(TranscribeTimingMode mode, TimeSpan? queueDelay = null, TimeSpan? baseProcessingTime = null, double? processingFactor = null)
    {
        lock (_gate)
        {
            _options.TimingMode = mode;
            _options.QueueDelay = queueDelay ?? _options.QueueDelay;
            _options.BaseProcessingTime = baseProcessingTime ?? _options.BaseProcessingTime;
            _options.ProcessingFactor = processingFactor ?? _options.ProcessingFactor;
            var now = _clock.GetUtcNow();
            foreach (var job in _jobs.Values)
            {
                if (mode == TranscribeTimingMode.Realistic && job.Status == JobStatusWords.InProgress && job.CompleteAt is null)
                {
                    job.CompleteAt = now + ProcessingTime(job);
                }
            }
        }
    }

    /// <summary>The emulator's clock (the TimeProvider given, plus any advance).</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Moves the emulator's clock forward, and with it every job due in that time.</summary>
    public void AdvanceClock(TimeSpan by)
    {
        lock (_gate)
        {
            _clock.Advance(by);
            Settle(read: false);
        }
    }

    public int GetConcurrentJobQuota(TranscribeJobFamily family)
    {
        lock (_gate)
        {
            return _options.ConcurrentLimit(family);
        }
    }

    /// <summary>Sets how many jobs of a family may run at once; queued jobs start if the new quota has room.</summary>
    public void SetConcurrentJobQuota(TranscribeJobFamily family, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            _options.SetConcurrentLimit(family, limit);
            PromoteWaiting(family, _clock.GetUtcNow());
        }
    }

    /// <summary>Dictates what the job of this name will hear, whichever family it belongs to.</summary>
    public void ScriptJob(string jobName, ConversationScript script)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        ValidateScript(script);
        lock (_gate)
        {
            _jobScripts[jobName] = script;
        }
    }

    /// <summary>Dictates what any job reading this recording will hear (unless its name has a script).</summary>
    public void ScriptMedia(string bucket, string key, ConversationScript script)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ValidateScript(script);
        lock (_gate)
        {
            _mediaScripts[(bucket, key)] = script;
        }
    }

    /// <summary>Dictates the conversation of a recording named by any media URI form (s3:// or https).</summary>
    public void ScriptMedia(string mediaUri, ConversationScript script)
    {
        var location = S3Location.Parse(mediaUri) ?? throw new ArgumentException($"'{mediaUri}' does not name an S3 object.", nameof(mediaUri));
        ScriptMedia(location.Bucket, location.Key, script);
    }

    public void ClearScripts()
    {
        lock (_gate)
        {
            _jobScripts.Clear();
            _mediaScripts.Clear();
        }
    }

    /// <summary>Forgets every job, category, script and Start attempt and undoes clock advances. Stored objects stay (the ObjectStore is shared).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _jobs.Clear();
            _categories.Clear();
            _jobScripts.Clear();
            _mediaScripts.Clear();
            _startAttempts.Clear();
            _clock.ResetOffset();
        }
    }

    /// <summary>Every job, oldest first, as of now (due transitions applied, but not the Instant read-back).</summary>
    public IReadOnlyList<EmulatedJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                Settle(read: false);
                return _jobs.Values.OrderBy(j => j.Sequence).Select(j => new EmulatedJob(
                    j.Family, j.Name, j.Status, j.CreationTime, j.StartTime, j.CompletionTime, j.FailureReason,
                    j.Outputs?.TranscriptFileUri, j.Outputs?.RedactedTranscriptFileUri)).ToList();
            }
        }
    }

    public IReadOnlyList<StartAttempt> StartAttempts
    {
        get
        {
            lock (_gate)
            {
                return _startAttempts.ToList();
            }
        }
    }

    private static void ValidateScript(ConversationScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Turns is null || script.Turns.Count == 0 || script.Turns.Any(t => string.IsNullOrWhiteSpace(t.Speaker) || string.IsNullOrWhiteSpace(t.Text)))
        {
            throw new ArgumentException("A conversation script needs at least one turn, each with a Speaker and Text.", nameof(script));
        }
    }
}
