namespace TranscribePS.Emulator.Hosting;

/// <summary>What a client needs to reach an emulator: the env-style settings AWS SDKs and tools read.</summary>
public sealed record EmulatorSettings(Uri Endpoint, string AccessKeyId, string SecretAccessKey, string Region)
{
    /// <summary>The endpoint without a trailing slash, as AWS_ENDPOINT_URL expects it.</summary>
    public string EndpointUrl => Endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, in that order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToEnvironment() =>
    [
        new("AWS_ENDPOINT_URL", EndpointUrl),
        new("AWS_ACCESS_KEY_ID", AccessKeyId),
        new("AWS_SECRET_ACCESS_KEY", SecretAccessKey),
        new("AWS_REGION", Region),
    ];

    /// <summary>The lines the emulator prints once it is ready ("NAME=value").</summary>
    public IEnumerable<string> ToEnvironmentLines() => ToEnvironment().Select(kv => $"{kv.Key}={kv.Value}");
}
