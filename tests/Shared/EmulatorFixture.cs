using Amazon.Runtime;
using Amazon.S3;
using TranscribePS.Emulator.Hosting;

namespace TranscribePS.Tests.Infrastructure;

/// <summary>
/// One in-process emulator per test collection. Tests call <see cref="Reset"/> (or derive from
/// <see cref="EmulatorTest"/>, which does it in its constructor) so each starts from an empty emulator with
/// AWS's default quotas, no faults, zero request counts and the buckets of <see cref="TestBuckets"/>.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started yet.");

    /// <summary>AWS_ENDPOINT_URL, keys and region of the running emulator.</summary>
    public EmulatorSettings Settings => Server.Settings;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions();
        foreach (var bucket in TestBuckets.Names)
        {
            options.Buckets.Add(bucket);
        }

        _server = await EmulatorServer.StartAsync(options).ConfigureAwait(false);
    }

    public void Reset() => Server.Reset();

    /// <summary>An AWSSDK.S3 client pointed at the emulator with the SDK's default chunking and checksum settings.</summary>
    public AmazonS3Client CreateS3Client(Action<AmazonS3Config>? configure = null, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = Settings.EndpointUrl,
            ForcePathStyle = true,
            AuthenticationRegion = Settings.Region,
        };
        configure?.Invoke(config);
        return new AmazonS3Client(credentials ?? new BasicAWSCredentials(Settings.AccessKeyId, Settings.SecretAccessKey), config);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>Test classes in this collection share one emulator; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}

/// <summary>Base for tests against the shared emulator: resets it before every test.</summary>
[Collection(EmulatorCollection.Name)]
public abstract class EmulatorTest
{
    protected EmulatorTest(EmulatorFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        fixture.Reset();
    }

    protected EmulatorFixture Fixture { get; }

    protected EmulatorServer Server => Fixture.Server;
}
