using TranscribePS.Core.Aws;

namespace TranscribePS.Tests.Settings;

public sealed class AwsSettingsTests : IDisposable
{
    private const string ProfileSecret = "PROFILE-SECRET-wJalrXUtnFEMI-K7MDENG";
    private const string ParameterSecret = "PARAM-SECRET-bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "SESSION-TOKEN-FQoGZXIvYXdzEJr";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("transcribeps-settings-");
    private readonly string _credentialsFile;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public AwsSettingsTests()
    {
        _credentialsFile = Path.Combine(_folder.FullName, "credentials");
        File.WriteAllText(_credentialsFile, $"""
            [night-batch]
            aws_access_key_id = AKIAIOSFODNN7NIGHT
            aws_secret_access_key = {ProfileSecret}
            region = eu-central-1

            [no-region]
            aws_access_key_id = AKIAIOSFODNN7NOREG
            aws_secret_access_key = {ProfileSecret}

            [env-profile]
            aws_access_key_id = AKIAIOSFODNN7ENVPR
            aws_secret_access_key = {ProfileSecret}
            """);
        File.WriteAllText(Path.Combine(_folder.FullName, "config"), """
            [profile env-profile]
            region = ap-southeast-2
            """);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Explicit_keys_win_and_are_described_by_a_masked_key_id_only()
    {
        var settings = Resolve(new() { AccessKey = "AKIAIOSFODNN7EXAMPLE", SecretKey = ParameterSecret, SessionToken = SessionToken, ProfileName = "night-batch", Region = "us-west-2" });

        var credentials = settings.Credentials!.GetCredentials();
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", credentials.AccessKey);
        Assert.Equal(SessionToken, credentials.Token);
        Assert.Contains("MPLE", settings.CredentialSource, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", settings.CredentialSource, StringComparison.Ordinal);
        Assert.Equal("us-west-2", settings.Region);
        Assert.Equal("-Region", settings.RegionSource);
    }

    [Fact]
    public void Half_a_key_pair_is_refused_with_what_to_pass()
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { AccessKey = "AKIAIOSFODNN7EXAMPLE", Region = "us-east-1" }));

        Assert.Contains("-SecretKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_from_a_profile_location_supplies_credentials_and_region()
    {
        _environment["AWS_REGION"] = "us-east-1";

        var settings = Resolve(new() { ProfileName = "night-batch", ProfileLocation = _credentialsFile });

        Assert.Equal("AKIAIOSFODNN7NIGHT", settings.Credentials!.GetCredentials().AccessKey);
        Assert.Equal("eu-central-1", settings.Region);
        Assert.Equal("profile 'night-batch'", settings.RegionSource);
        Assert.Contains("night-batch", settings.CredentialSource, StringComparison.Ordinal);
        Assert.Contains(_credentialsFile, settings.CredentialSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_profile_names_the_profile_and_the_file()
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { ProfileName = "nightly-batch", ProfileLocation = _credentialsFile, Region = "us-east-1" }));

        Assert.Contains("'nightly-batch'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_credentialsFile, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-3", "ca-central-1", "eu-west-3", "AWS_REGION")]
    [InlineData(null, "ca-central-1", "ca-central-1", "AWS_DEFAULT_REGION")]
    [InlineData(null, null, "ap-southeast-2", "profile 'env-profile'")]
    public void Region_falls_back_from_aws_region_to_aws_default_region_to_the_environment_profile(
        string? awsRegion, string? awsDefaultRegion, string expectedRegion, string expectedSource)
    {
        Set("AWS_REGION", awsRegion);
        Set("AWS_DEFAULT_REGION", awsDefaultRegion);
        _environment["AWS_PROFILE"] = "env-profile";

        var settings = Resolve(new() { ProfileLocation = _credentialsFile });

        Assert.Equal(expectedRegion, settings.Region);
        Assert.Equal(expectedSource, settings.RegionSource);
    }

    [Fact]
    public void Explicit_profile_region_beats_aws_region_and_the_region_parameter_beats_both()
    {
        _environment["AWS_REGION"] = "us-east-2";

        var fromProfile = Resolve(new() { ProfileName = "night-batch", ProfileLocation = _credentialsFile });
        var fromParameter = Resolve(new() { ProfileName = "night-batch", ProfileLocation = _credentialsFile, Region = "eu-south-1" });
        var profileWithoutRegion = Resolve(new() { ProfileName = "no-region", ProfileLocation = _credentialsFile });

        Assert.Equal("eu-central-1", fromProfile.Region);
        Assert.Equal("eu-south-1", fromParameter.Region);
        Assert.Equal("us-east-2", profileWithoutRegion.Region);
        Assert.Equal("AWS_REGION", profileWithoutRegion.RegionSource);
    }

    [Fact]
    public void Missing_region_says_exactly_what_to_set()
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { ProfileName = "no-region", ProfileLocation = _credentialsFile }));

        Assert.Contains("-Region", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'region = <region>' to profile 'no-region'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_region_is_refused()
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { Region = "US East (Ohio)" }));

        Assert.Contains("-Region", ex.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidRegion", ex.ErrorId);
    }

    [Theory]
    [InlineData("useast1", "us-east-1")]
    [InlineData("US-EAST-1", "us-east-1")]
    [InlineData("eu_west_2", "eu-west-2")]
    [InlineData("us-gov-west1", "us-gov-west-1")]
    [InlineData("eu-west", null)]
    [InlineData("us-east-1a", null)]
    public void A_region_of_the_wrong_form_says_what_is_wrong_and_the_region_it_looks_like(string region, string? meant)
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { Region = region }));

        Assert.Equal("InvalidRegion", ex.ErrorId);
        Assert.Contains($"'{region}' from -Region is not an AWS region name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("such as us-east-1", ex.Message, StringComparison.Ordinal);
        if (meant is not null)
        {
            Assert.Contains($"Use {meant}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("us-isob-east-1")]
    [InlineData("eusc-de-east-1")]
    [InlineData("ap-southeast-7")]
    [InlineData("xx-newplace-12")]
    public void Every_region_of_the_right_form_is_taken_in_every_partition(string region)
        => Assert.Equal(region, Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret, Region = region }).Region);

    [Fact]
    public void A_region_from_the_environment_is_checked_the_same_way()
    {
        _environment["AWS_REGION"] = "useast1";

        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret }));

        Assert.Contains("from AWS_REGION", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_credentials_reach_a_job_where_it_lives_unless_the_place_was_given()
    {
        var settings = Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret, Region = "us-east-1" });
        var elsewhere = settings.At("eu-west-1", "http://127.0.0.1:4567");

        Assert.True(settings.LocationGiven);
        Assert.False(elsewhere.LocationGiven);
        Assert.Equal("eu-west-1", elsewhere.Region);
        Assert.Equal("http://127.0.0.1:4567", elsewhere.TranscribeEndpoint);
        Assert.Equal("http://127.0.0.1:4567", elsewhere.S3Endpoint);
        Assert.Same(settings.Credentials, elsewhere.Credentials);
        Assert.Null(settings.At("eu-west-1", null).S3Endpoint);
    }

    [Fact]
    public void Service_specific_endpoint_variables_beat_the_general_one_and_the_parameter_beats_all()
    {
        _environment["AWS_REGION"] = "us-east-1";
        _environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566";
        _environment["AWS_ENDPOINT_URL_TRANSCRIBE"] = "http://127.0.0.1:5001";

        var fromEnvironment = Resolve(new() { ProfileLocation = _credentialsFile });
        var fromParameter = Resolve(new() { ProfileLocation = _credentialsFile, EndpointUrl = "http://localhost:7000" });

        Assert.Equal("http://127.0.0.1:5001", fromEnvironment.TranscribeEndpoint);
        Assert.Equal("AWS_ENDPOINT_URL_TRANSCRIBE", fromEnvironment.TranscribeEndpointSource);
        Assert.Equal("http://127.0.0.1:4566", fromEnvironment.S3Endpoint);
        Assert.Equal("AWS_ENDPOINT_URL", fromEnvironment.S3EndpointSource);
        Assert.Equal("http://localhost:7000", fromParameter.TranscribeEndpoint);
        Assert.Equal("http://localhost:7000", fromParameter.S3Endpoint);
    }

    [Fact]
    public void Ignore_configured_endpoints_leaves_only_the_parameter()
    {
        _environment["AWS_REGION"] = "us-east-1";
        _environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566";
        _environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";

        var settings = Resolve(new() { ProfileLocation = _credentialsFile });

        Assert.Null(settings.TranscribeEndpoint);
        Assert.Null(settings.S3Endpoint);
    }

    [Theory]
    [InlineData("localhost:4566")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://admin:hunter2@127.0.0.1:4566")]
    public void Endpoint_that_is_not_a_plain_http_url_is_refused(string url)
    {
        var ex = Assert.Throws<AwsSettingsException>(() => Resolve(new() { Region = "us-east-1", EndpointUrl = url }));

        Assert.Contains("-EndpointUrl", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_endpoint_still_signs_for_the_resolved_region_and_s3_uses_path_style()
    {
        var settings = Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret, Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:4566" });

        var transcribe = AwsClients.CreateTranscribeConfig(settings);
        var s3 = AwsClients.CreateS3Config(settings);
        using var clients = new AwsClients(settings);

        Assert.StartsWith("http://127.0.0.1:4566", transcribe.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", transcribe.AuthenticationRegion);
        Assert.Equal("eu-west-1", clients.Transcribe.Region);
        Assert.StartsWith("http://127.0.0.1:4566", s3.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", s3.AuthenticationRegion);
        Assert.True(s3.ForcePathStyle);
    }

    [Fact]
    public void Without_an_endpoint_the_clients_use_the_regional_host()
    {
        var settings = Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret, Region = "ap-northeast-1" });

        Assert.Equal("ap-northeast-1", AwsClients.CreateTranscribeConfig(settings).RegionEndpoint.SystemName);
        Assert.Null(AwsClients.CreateTranscribeConfig(settings).ServiceURL);
        Assert.Equal("ap-northeast-1", AwsClients.CreateS3Config(settings).RegionEndpoint.SystemName);
    }

    [Fact]
    public void Clients_are_created_once_per_settings()
    {
        using var clients = new AwsClients(Resolve(new() { AccessKey = "AKIDEXAMPLE", SecretKey = ParameterSecret, Region = "us-east-1" }));

        Assert.Same(clients.Transcribe, clients.Transcribe);
        Assert.Same(clients.Jobs, clients.Jobs);
        Assert.Same(clients.S3, clients.S3);
        Assert.Same(clients.Transfer, clients.Transfer);
    }

    [Fact]
    public void Default_chain_is_described_by_its_likely_source_without_the_secret()
    {
        _environment["AWS_REGION"] = "us-east-1";
        _environment["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENTKEY1";
        _environment["AWS_SECRET_ACCESS_KEY"] = ParameterSecret;

        var settings = Resolve(new() { ProfileLocation = _credentialsFile });

        Assert.Contains("AWS_ACCESS_KEY_ID", settings.CredentialSource, StringComparison.Ordinal);
        Assert.Contains("KEY1", settings.CredentialSource, StringComparison.Ordinal);
        Assert.DoesNotContain(ParameterSecret, string.Join("\n", settings.Describe()), StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_appears_in_anything_the_settings_render()
    {
        var input = new AwsSettingsInput
        {
            AccessKey = "AKIAIOSFODNN7EXAMPLE",
            SecretKey = ParameterSecret,
            SessionToken = SessionToken,
            Region = "eu-west-1",
            EndpointUrl = "http://127.0.0.1:4566",
            Environment = Env,
        };
        var fromKeys = AwsSettings.Resolve(input);
        var fromProfile = Resolve(new() { ProfileName = "night-batch", ProfileLocation = _credentialsFile });

        var rendered = string.Join(
            "\n",
            fromKeys.Describe().Concat(fromProfile.Describe()).Concat([fromKeys.ToString(), fromProfile.ToString(), input.ToString(), fromKeys.CredentialSource, fromProfile.CredentialSource]));

        Assert.DoesNotContain(ParameterSecret, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(ProfileSecret, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, rendered, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", rendered, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:4566", rendered, StringComparison.Ordinal);
        Assert.Equal(4, fromKeys.Describe().Count);
    }

    private AwsSettings Resolve(AwsSettingsInput input) => AwsSettings.Resolve(new AwsSettingsInput
    {
        AccessKey = input.AccessKey,
        SecretKey = input.SecretKey,
        SessionToken = input.SessionToken,
        ProfileName = input.ProfileName,
        ProfileLocation = input.ProfileLocation,
        Region = input.Region,
        EndpointUrl = input.EndpointUrl,
        Environment = Env,
    });

    private string? Env(string name) => _environment.TryGetValue(name, out var value) ? value : null;

    private void Set(string name, string? value)
    {
        if (value is not null)
        {
            _environment[name] = value;
        }
    }
}
