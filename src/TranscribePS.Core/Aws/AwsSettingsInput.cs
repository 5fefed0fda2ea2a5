namespace TranscribePS.Core.Aws;

/// <summary>
/// The common AWS parameters of every cmdlet (AWS Tools' names), all optional. A class, not a record, so that no
/// generated ToString ever prints <see cref="SecretKey"/> or <see cref="SessionToken"/>.
/// </summary>
public sealed class AwsSettingsInput
{
    public string? AccessKey { get; init; }
    public string? SecretKey { get; init; }
    public string? SessionToken { get; init; }
    public string? ProfileName { get; init; }

    /// <summary>A credentials file other than the default (its sibling <c>config</c> file is read too).</summary>
    public string? ProfileLocation { get; init; }
    public string? Region { get; init; }
    public string? EndpointUrl { get; init; }

    /// <summary>Plain http to a host other than loopback is allowed (with a warning) instead of refused.</summary>
    public bool AllowInsecureEndpoint { get; init; }

    /// <summary>Reads an environment variable; replaced in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public override string ToString() => nameof(AwsSettingsInput);
}

/// <summary>The settings cannot be resolved (no region, half a key pair, unknown profile, bad endpoint); the message says what to set.</summary>
public sealed class AwsSettingsException : Exception
{
    public const string DefaultErrorId = "AwsSettingsInvalid";

    public AwsSettingsException()
    {
    }

    public AwsSettingsException(string message)
        : base(message)
    {
    }

    public AwsSettingsException(string message, string errorId)
        : base(message)
    {
        ErrorId = errorId;
    }

    public AwsSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ErrorId of the cmdlet's terminating error, such as <c>InvalidRegion</c>.</summary>
    public string ErrorId { get; } = DefaultErrorId;
}
