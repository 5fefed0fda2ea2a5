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

    /// <summary>The settings as "NAME=value" lines (sh, env files, docker --env-file).</summary>
    public IEnumerable<string> ToEnvironmentLines() => ToEnvironment().Select(kv => $"{kv.Key}={kv.Value}");

    /// <summary>The settings as PowerShell statements (<c>$env:NAME = 'value'</c>), to paste into pwsh.</summary>
    public IEnumerable<string> ToPowerShellLines() => ToEnvironment().Select(kv => $"$env:{kv.Key} = '{kv.Value.Replace("'", "''", StringComparison.Ordinal)}'");

    /// <summary>What the emulator prints once it is ready, in the form(s) <paramref name="format"/> asks for.</summary>
    public IEnumerable<string> Lines(SettingsFormat format) => format switch
    {
        SettingsFormat.Env => ToEnvironmentLines(),
        SettingsFormat.PowerShell => ToPowerShellLines(),
        _ => ToEnvironmentLines().Concat(ToPowerShellLines()),
    };
}

/// <summary>How the emulator prints its settings: NAME=value lines, PowerShell $env: lines, or both (the default).</summary>
public enum SettingsFormat
{
    Both,
    Env,
    PowerShell,
}
