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
/// <para>Transport: a plain http endpoint is refused unless its host is loopback (127.0.0.0/8, ::1, localhost) or the
/// caller opted in (-AllowInsecureEndpoint, or TRANSCRIBEPS_ALLOW_INSECURE_ENDPOINT=true); with the opt-in,
/// <see cref="Warnings"/> says once which endpoint sends credentials and recordings in clear text.</para>
/// </summary>
public sealed partial class AwsSettings
{
    private readonly AWSCredentials? _credentials;

    /// <summary>The environment variable that opts in to plain http on a host other than loopback, as -AllowInsecureEndpoint does.</summary>
    public const string AllowInsecureVariable = "TRANSCRIBEPS_ALLOW_INSECURE_ENDPOINT";

    private readonly string? _insecureOptIn;

    private AwsSettings(AWSCredentials? credentials, string credentialSource, string region, string regionSource, ResolvedEndpoint transcribeEndpoint, ResolvedEndpoint s3Endpoint, string? insecureOptIn)
    {
        _credentials = credentials;
        _insecureOptIn = insecureOptIn;
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

    /// <summary>
    /// One warning per plain-http endpoint off this machine that the caller opted in to; the cmdlet writes each once.
    /// Empty when every endpoint is https or loopback.
    /// </summary>
    public IReadOnlyList<string> Warnings =>
        new[] { (TranscribeEndpoint, TranscribeEndpointSource), (S3Endpoint, S3EndpointSource) }
            .Where(e => e.Item1 is not null && !IsProtected(e.Item1))
            .Select(e => e.Item1!.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(url => Messages.EndpointInsecureWarning(url, _insecureOptIn ?? "-AllowInsecureEndpoint"))
            .ToList();

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
        var endpoint = new ResolvedEndpoint(endpointUrl is null ? null : ValidatedUrl(endpointUrl, Messages.LocationOfJob, _insecureOptIn), endpointUrl is null ? null : Messages.LocationOfJob);
        return new AwsSettings(_credentials, CredentialSource, Validated(region, Messages.LocationOfJob), Messages.LocationOfJob, endpoint, endpoint, _insecureOptIn);
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
            if (!Chain().TryGetProfile(explicitProfile, out profile) || !Chain().TryGetAWSCredentials(explicitProfile, out var profileCredentials))
            {
                throw new AwsSettingsException(Messages.ProfileNotFound(explicitProfile, Blank(input.ProfileLocation)));
            }

            // The SDK reads the profile once; a long wait may outlive the session token it held.
            var location = Blank(input.ProfileLocation);
            credentials = new RenewableCredentials(
                profileCredentials,
                () => new CredentialProfileStoreChain(location).TryGetAWSCredentials(explicitProfile, out var again) ? again : null);

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
        var optIn = input.AllowInsecureEndpoint ? "-AllowInsecureEndpoint"
            : string.Equals(Blank(env(AllowInsecureVariable)), "true", StringComparison.OrdinalIgnoreCase) ? AllowInsecureVariable
            : null;
        var transcribeEndpoint = ResolveEndpoint(input.EndpointUrl, "AWS_ENDPOINT_URL_TRANSCRIBE", env, ignoreConfigured, profileEndpoint, optIn);
        var s3Endpoint = ResolveEndpoint(input.EndpointUrl, "AWS_ENDPOINT_URL_S3", env, ignoreConfigured, profileEndpoint, optIn);
        return new AwsSettings(credentials, credentialSource, region, regionSource, transcribeEndpoint, s3Endpoint, optIn);
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

    private static ResolvedEndpoint ResolveEndpoint(string? parameter, string serviceVariable, Func<string, string?> env, bool ignoreConfigured, string? profileEndpoint, string? optIn)
    {
        if (Blank(parameter) is { } explicitUrl)
        {
            return new ResolvedEndpoint(ValidatedUrl(explicitUrl, "-EndpointUrl", optIn), "-EndpointUrl");
        }

        if (ignoreConfigured)
        {
            return new ResolvedEndpoint(null, null);
        }

        foreach (var variable in new[] { serviceVariable, "AWS_ENDPOINT_URL" })
        {
            if (Blank(env(variable)) is { } value)
            {
                return new ResolvedEndpoint(ValidatedUrl(value, variable, optIn), variable);
            }
        }

        return profileEndpoint is null
            ? new ResolvedEndpoint(null, null)
            : new ResolvedEndpoint(ValidatedUrl(profileEndpoint, Messages.EndpointFromProfile, optIn), Messages.EndpointFromProfile);
    }

    private static string ValidatedUrl(string value, string source, string? optIn)
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

        // Credentials ride in every request's headers and recordings in the uploads: in clear text only where no
        // packet leaves the machine, or where the caller said so.
        if (optIn is null && !IsProtected(value))
        {
            throw new AwsSettingsException(Messages.EndpointInsecure(value, source), "InsecureEndpoint");
        }

        return value;
    }

    /// <summary>https, or plain http to this machine's loopback interface.</summary>
    internal static bool IsProtected(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        // Only literal loopback names count: a host name that merely resolves to 127.0.0.1 today may not tomorrow.
        var host = uri.DnsSafeHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
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
