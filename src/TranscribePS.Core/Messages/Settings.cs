namespace TranscribePS.Core;

public static partial class Messages
{
    public const string HalfAKeyPair =
        "Only one of -AccessKey and -SecretKey was given. Pass both (and -SessionToken for temporary credentials), or neither to use a profile.";

    public const string CredentialsFromDefaultChain =
        "the SDK default chain (default profile, SSO, web identity, container or instance role)";

    public const string EndpointFromProfile = "the profile's endpoint_url";

    public static string CredentialsFromParameters(string maskedKeyId, bool withSessionToken) =>
        withSessionToken
            ? $"-AccessKey {maskedKeyId} with -SecretKey and -SessionToken"
            : $"-AccessKey {maskedKeyId} with -SecretKey";

    public static string CredentialsFromProfile(string profileName, string? profileLocation) =>
        profileLocation is null ? $"profile '{profileName}'" : $"profile '{profileName}' in {profileLocation}";

    public static string CredentialsFromEnvironment(string maskedKeyId) =>
        $"the SDK default chain: environment variables AWS_ACCESS_KEY_ID ({maskedKeyId}) and AWS_SECRET_ACCESS_KEY";

    public static string CredentialsFromEnvironmentProfile(string profileName) =>
        $"the SDK default chain: profile '{profileName}' named by AWS_PROFILE";

    public static string ProfileNotFound(string profileName, string? profileLocation) =>
        profileLocation is null
            ? $"AWS profile '{profileName}' was not found in the shared credentials or config file. Check the name, or pass -ProfileLocation with the file that holds it."
            : $"AWS profile '{profileName}' was not found in {profileLocation}. Check the name and the -ProfileLocation path.";

    public static string RegionFromProfile(string profileName) => $"profile '{profileName}'";

    public static string RegionMissing(string profileName) =>
        $"No AWS region is set. Pass -Region (for example -Region us-east-1), set the AWS_REGION environment variable, or add 'region = <region>' to profile '{profileName}'.";

    public static string RegionInvalid(string region, string source, string? meant) =>
        $"'{region}' from {source} is not an AWS region name: a region is written in lower case as an area, its words and a number joined by dashes, such as us-east-1, eu-west-2 or us-gov-west-1. "
        + (meant is null ? "Check the region's name in the AWS console or documentation." : $"Use {meant}, which '{region}' looks like.");

    /// <summary>Where the region and endpoint of a job piped in came from, for -Debug lines and messages.</summary>
    public const string LocationOfJob = "the job's own Region and EndpointUrl";

    public static string EndpointInvalid(string value, string source) =>
        $"'{value}' from {source} is not an http or https URL. Give an absolute URL such as https://transcribe.us-east-1.amazonaws.com or http://127.0.0.1:4566.";

    public static string DescribeCredentials(string source) => $"AWS credentials: {source}.";

    public static string DescribeRegion(string region, string source) => $"AWS region: {region} (from {source}).";

    public static string DescribeEndpoint(string service, string? url, string? source) =>
        url is null ? $"{service} endpoint: the regional AWS endpoint." : $"{service} endpoint: {url} (from {source}).";

    public static string EndpointInsecure(string value, string source) =>
        $"The endpoint '{value}' from {source} is plain http to another machine: AWS credentials and your recordings would cross the network unencrypted. Use an https URL, or, for a trusted test network only, add -AllowInsecureEndpoint (or set {Aws.AwsSettings.AllowInsecureVariable}=true).";

    public static string EndpointInsecureWarning(string url, string optIn) =>
        $"Sending AWS credentials and recordings to {url} over plain http, unencrypted, as {optIn} allows. Use https for anything but a trusted test network.";

    public static string EndpointWithUserInfo(string source) =>
        $"The endpoint URL from {source} contains a user name or password. Remove it from the URL and pass credentials with -ProfileName or -AccessKey/-SecretKey.";
}
