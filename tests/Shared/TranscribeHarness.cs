using System.Text.Json;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Media;
using TranscribePS.Emulator.Storage;
using TranscribePS.Emulator.Transcribe;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Infrastructure;

/// <summary>The Transcribe emulator wired to an object store and a manual clock, called the way the HTTP host calls it.</summary>
internal sealed class TranscribeHarness
{
    public const string MediaBucket = "media-in";
    public const string OutputBucket = "transcripts-out";
    public const string RoleArn = "arn:aws:iam::123456789012:role/TranscribeAccess";

    public TranscribeHarness(TranscribeOptions? options = null)
    {
        Options = options ?? new TranscribeOptions();
        Store = new ObjectStore(Clock, TestBuckets.Names);
        Api = new TranscribeApi(Store, Options, "us-east-1", Clock);
    }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero));
    public ObjectStore Store { get; }
    public TranscribeOptions Options { get; }
    public TranscribeApi Api { get; }

    public async Task<JsonNode> CallAsync(string operation, object body)
    {
        var response = await Api.HandleAsync(operation, JsonSerializer.SerializeToElement(body), CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
        return response.Body;
    }

    public async Task<ApiError> FailsAsync(string operation, object body)
    {
        var error = await Record.ExceptionAsync(() => CallAsync(operation, body));
        return Assert.IsType<ApiError>(error);
    }

    public string PutMedia(string key, byte[] data)
    {
        Store.Put(MediaBucket, key, data);
        return $"s3://{MediaBucket}/{key}";
    }

    public string PutWav(string key, double seconds, int sampleRate = 16000, int channels = 1) =>
        PutMedia(key, SyntheticMedia.Wav(seconds, sampleRate, channels));

    /// <summary>Reads an output file the job reported, through the https URI as a client would.</summary>
    public JsonObject ReadOutput(string uri)
    {
        var parsed = new Uri(uri);
        string path = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        var stored = Store.Get(path[..slash], path[(slash + 1)..]);
        Assert.NotNull(stored);
        return JsonNode.Parse(stored.Data)!.AsObject();
    }

    public static Dictionary<string, object?> MedicalRequest(string name, string mediaUri, object? settings = null, string? outputKey = null, string? contentIdentification = null) => Without(new Dictionary<string, object?>
    {
        ["MedicalTranscriptionJobName"] = name,
        ["LanguageCode"] = "en-US",
        ["Media"] = new { MediaFileUri = mediaUri },
        ["OutputBucketName"] = OutputBucket,
        ["OutputKey"] = outputKey,
        ["Specialty"] = "PRIMARYCARE",
        ["Type"] = "CONVERSATION",
        ["Settings"] = settings,
        ["ContentIdentificationType"] = contentIdentification,
    });

    public static Dictionary<string, object?> CallAnalyticsRequest(string name, string mediaUri, object? settings = null, string? roleArn = null, string? outputLocation = $"s3://{OutputBucket}/calls/") => Without(new Dictionary<string, object?>
    {
        ["CallAnalyticsJobName"] = name,
        ["Media"] = new { MediaFileUri = mediaUri },
        ["OutputLocation"] = outputLocation,
        ["DataAccessRoleArn"] = roleArn,
        ["Settings"] = settings,
        ["ChannelDefinitions"] = new object[] { new { ChannelId = 0, ParticipantRole = "AGENT" }, new { ChannelId = 1, ParticipantRole = "CUSTOMER" } },
    });

    public async Task<JsonObject> StartMedicalAsync(string name, double seconds = 30, object? settings = null, string? contentIdentification = null)
    {
        string uri = PutWav(name + ".wav", seconds);
        var response = await CallAsync("StartMedicalTranscriptionJob", MedicalRequest(name, uri, settings, contentIdentification: contentIdentification));
        return response["MedicalTranscriptionJob"]!.AsObject();
    }

    public async Task<JsonObject> StartCallAnalyticsAsync(string name, double seconds = 60, object? settings = null, string? roleArn = null)
    {
        string uri = PutWav(name + ".wav", seconds, 8000, 2);
        var response = await CallAsync("StartCallAnalyticsJob", CallAnalyticsRequest(name, uri, settings, roleArn));
        return response["CallAnalyticsJob"]!.AsObject();
    }

    public async Task<JsonObject> GetMedicalAsync(string name) =>
        (await CallAsync("GetMedicalTranscriptionJob", new { MedicalTranscriptionJobName = name }))["MedicalTranscriptionJob"]!.AsObject();

    public async Task<JsonObject> GetCallAnalyticsAsync(string name) =>
        (await CallAsync("GetCallAnalyticsJob", new { CallAnalyticsJobName = name }))["CallAnalyticsJob"]!.AsObject();

    /// <summary>Drops null members so the request carries only what the test set.</summary>
    public static Dictionary<string, object?> Without(Dictionary<string, object?> members) =>
        members.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value);
}
