using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace TranscribePS.Core.Aws;

/// <summary>
/// Resolved AWS settings for one cmdlet invocation: credentials, region and endpoints, each with where it came from.
/// <see cref="AwsClients"/> builds the clients from them.
/// <para>Credentials: -AccessKey/-SecretKey(/-SessionToken) → -ProfileName (from -ProfileLocation or the shared
/// files, honouring AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE; assume-role and SSO profiles resolve through the
/// SDK) → the SDK's default chain (environment, AWS_PROFILE or default profile, SSO, web identity, container and
/// instance roles).</para>
/// <para>Region: -Region → the region of the -ProfileName profile → AWS_REGION → AWS_DEFAULT_REGION → the region of the
/// AWS_PROFILE (or default) profile. AWS_DEFAULT_REGION is honoured although the .NET SDK ignores it, because
/// administrators set it for the AWS CLI and would otherwise meet a "no region" error they cannot explain.</para>
/// <para>Endpoints: -EndpointUrl → AWS_ENDPOINT_URL_TRANSCRIBE or AWS_ENDPOINT_URL_S3 → AWS_ENDPOINT_URL → the profile's
/// endpoint_url (the last three skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true). With a custom endpoint
/// requests are still signed for the resolved region, and S3 uses path-style addressing.</para>
/// </summary>
public sealed partial class AwsSettings
{
    private readonly AWSCredentials? _credentials;

    private AwsSettings(AWSCredentials? credentials, string credentialSource, string region, string regionSource, ResolvedEndpoint transcribeEndpoint, ResolvedEndpoint s3Endpoint)
    {
        _credentials = credentials;
        CredentialSource = credentialSource;
        Region = region;
        RegionSource = regionSource;
        TranscribeEndpoint = transcribeEndpoint.Url;
        TranscribeEndpointSource = transcribeEndpoint.Source;
        S3Endpoint = s3Endpoint.Url;
        S3EndpointSource = s3Endpoint.Source;
    }

    public string Region { get; }

    /// <summary>Where the region came from, such as <c>AWS_REGION</c>.</summary>
    public string RegionSource { get; }

    /// <summary>Where the credentials come from; never the secret.</summary>
    public string CredentialSource { get; }

    /// <summary>The custom Transcribe endpoint, or null for the regional AWS host.</summary>
    public string? TranscribeEndpoint { get; }

    public string? TranscribeEndpointSource { get; }

    /// <summary>The custom S3 endpoint, or null for the regional AWS host.</summary>
    public string? S3Endpoint { get; }

    public string? S3EndpointSource { get; }

    /// <summary>The chosen credentials; null means the SDK default chain resolves them at the first call.</summary>
    internal AWSCredentials? Credentials => _credentials;

    /// <summary>
    /// The caller named where to go (-Region or -EndpointUrl): every call goes there, jobs piped in included.
    /// Otherwise a job is reached where it lives (<see cref="At"/>).
    /// </summary>
    public bool LocationGiven => RegionSource == "-Region" || TranscribeEndpointSource == "-EndpointUrl";

    /// <summary>
    /// The same credentials at another place: <paramref name="region"/>, and <paramref name="endpointUrl"/> for both
    /// services as -EndpointUrl would set it (null: AWS's regional endpoints, whatever the environment names).
    /// </summary>
    public AwsSettings At(string region, string? endpointUrl)
    {
        var endpoint = new ResolvedEndpoint(endpointUrl, endpointUrl is null ? null : Messages.LocationOfJob);
        return new AwsSettings(_credentials, CredentialSource, Validated(region, Messages.LocationOfJob), Messages.LocationOfJob, endpoint, endpoint);
    }

    public static AwsSettings Resolve(AwsSettingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var env = input.Environment;
        var explicitProfile = Blank(input.ProfileName);
        CredentialProfileStoreChain? chain = null;
        CredentialProfileStoreChain Chain() => chain ??= new CredentialProfileStoreChain(Blank(input.ProfileLocation));

        AWSCredentials? credentials;
        string credentialSource;
        CredentialProfile? profile = null;
        var accessKey = Blank(input.AccessKey);
        var secretKey = Blank(input.SecretKey);
        if (accessKey is not null || secretKey is not null)
        {
            if (accessKey is null || secretKey is null)
            {
                throw new AwsSettingsException(Messages.HalfAKeyPair);
            }

            var token = Blank(input.SessionToken);
            credentials = token is null ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
            credentialSource = Messages.CredentialsFromParameters(MaskKeyId(accessKey), token is not null);
        }
        else if (explicitProfile is not null)
        {
            if (!Chain().TryGetProfile(explicitProfile, out profile) || !Chain().TryGetAWSCredentials(explicitProfile, out credentials))
            {
                throw new AwsSettingsException(Messages.ProfileNotFound(explicitProfile, Blank(input.ProfileLocation)));
            }

            credentialSource = Messages.CredentialsFromProfile(explicitProfile, Blank(input.ProfileLocation));
        }
        else
        {
            credentials = null;
            credentialSource = DescribeDefaultChain(env);
        }

        var (region, regionSource) = ResolveRegion(input, env, profile, Chain);
        var ignoreConfigured = string.Equals(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        var profileEndpoint = Blank(profile?.EndpointUrl);
        var transcribeEndpoint = ResolveEndpoint(input.EndpointUrl, "AWS_ENDPOINT_URL_TRANSCRIBE", env, ignoreConfigured, profileEndpoint);
        var s3Endpoint = ResolveEndpoint(input.EndpointUrl, "AWS_ENDPOINT_URL_S3", env, ignoreConfigured, profileEndpoint);
        return new AwsSettings(credentials, credentialSource, region, regionSource, transcribeEndpoint, s3Endpoint);
    }

    /// <summary>Lines for -Debug: where credentials, region and endpoints came from. Never a secret.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        Messages.DescribeCredentials(CredentialSource),
        Messages.DescribeRegion(Region, RegionSource),
        Messages.DescribeEndpoint("Transcribe", TranscribeEndpoint, TranscribeEndpointSource),
        Messages.DescribeEndpoint("S3", S3Endpoint, S3EndpointSource),
    ];

    public override string ToString() => string.Join(Environment.NewLine, Describe());

    private static (string Region, string Source) ResolveRegion(AwsSettingsInput input, Func<string, string?> env, CredentialProfile? explicitProfile, Func<CredentialProfileStoreChain> chain)
    {
        if (Blank(input.Region) is { } parameter)
        {
            return (Validated(parameter, "-Region"), "-Region");
        }

        if (explicitProfile?.Region is { } profileRegion)
        {
            return (Validated(profileRegion.SystemName, Messages.RegionFromProfile(explicitProfile.Name)), Messages.RegionFromProfile(explicitProfile.Name));
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (Blank(env(variable)) is { } value)
            {
                return (Validated(value, variable), variable);
            }
        }

        if (Blank(input.ProfileName) is null)
        {
            var implicitName = Blank(env("AWS_PROFILE")) ?? "default";
            if (chain().TryGetProfile(implicitName, out var implicitProfile) && implicitProfile.Region is { } implicitRegion)
            {
                return (Validated(implicitRegion.SystemName, Messages.RegionFromProfile(implicitName)), Messages.RegionFromProfile(implicitName));
            }
        }

        throw new AwsSettingsException(Messages.RegionMissing(Blank(input.ProfileName) ?? Blank(env("AWS_PROFILE")) ?? "default"));
    }

    /// <summary>
    /// A region name's form, checked before any call (a wrong one would otherwise reach the service as a signing
    /// scope error): lowercase area, one or more words, a number, joined by dashes — us-east-1, us-gov-west-1,
    /// cn-north-1, us-isob-east-1, eusc-de-east-1. Names of regions newer than the SDK pass as long as they have
    /// that form.
    /// </summary>
    internal static string Validated(string region, string source)
    {
        if (RegionForm().IsMatch(region))
        {
            return region;
        }

        // "useast1", "US-EAST-1", "us_east_1": the region the user most likely meant, when the SDK knows one.
        static string Squeezed(string text) => new(text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var meant = RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).FirstOrDefault(known => Squeezed(known) == Squeezed(region));
        throw new AwsSettingsException(Messages.RegionInvalid(region, source, meant), "InvalidRegion");
    }

    [GeneratedRegex(@"^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionForm();

    private static ResolvedEndpoint ResolveEndpoint(string? parameter, string serviceVariable, Func<string, string?> env, bool ignoreConfigured, string? profileEndpoint)
    {
        if (Blank(parameter) is { } explicitUrl)
        {
            return new ResolvedEndpoint(ValidatedUrl(explicitUrl, "-EndpointUrl"), "-EndpointUrl");
        }

        if (ignoreConfigured)
        {
            return new ResolvedEndpoint(null, null);
        }

        foreach (var variable in new[] { serviceVariable, "AWS_ENDPOINT_URL" })
        {
            if (Blank(env(variable)) is { } value)
            {
                return new ResolvedEndpoint(ValidatedUrl(value, variable), variable);
            }
        }

        return profileEndpoint is null
            ? new ResolvedEndpoint(null, null)
            : new ResolvedEndpoint(ValidatedUrl(profileEndpoint, "endpoint_url"), Messages.EndpointFromProfile);
    }

    private static string ValidatedUrl(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new AwsSettingsException(Messages.EndpointInvalid(value, source));
        }

        // A user:password in the URL would end up in -Debug output and logs.
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new AwsSettingsException(Messages.EndpointWithUserInfo(source));
        }

        return value;
    }

    private static string DescribeDefaultChain(Func<string, string?> env)
    {
        if (Blank(env("AWS_ACCESS_KEY_ID")) is { } keyId)
        {
            return Messages.CredentialsFromEnvironment(MaskKeyId(keyId));
        }

        if (Blank(env("AWS_PROFILE")) is { } profileName)
        {
            return Messages.CredentialsFromEnvironmentProfile(profileName);
        }

        return Messages.CredentialsFromDefaultChain;
    }

    // An access key id is not a secret, but showing only its tail is enough to tell two keys apart in a log.
    private static string MaskKeyId(string keyId) =>
        keyId.Length <= 4 ? "****" : string.Concat(new string('*', Math.Min(keyId.Length - 4, 16)), keyId.AsSpan(keyId.Length - 4));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private readonly record struct ResolvedEndpoint(string? Url, string? Source);
}
