using System.Runtime.CompilerServices;
using Amazon;
using Amazon.S3;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;

namespace TranscribePS.Core.Aws;

/// <summary>
/// The one factory of clients: the Transcribe client, its job operations and the S3 transfer for one set of
/// <see cref="AwsSettings"/>, each built once, on first use.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly object _gate = new();
    private TranscribeClient? _transcribe;
    private TranscribeJobs? _jobs;
    private IAmazonS3? _s3;
    private S3Transfer? _transfer;

    public AwsClients(AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    public AwsSettings Settings { get; }

    public TranscribeClient Transcribe => Once(ref _transcribe, () => new TranscribeClient(CreateTranscribeConfig(Settings), Settings.Credentials) { SharesListPace = true });

    public TranscribeJobs Jobs => Once(ref _jobs, () => new TranscribeJobs(Transcribe));

    public IAmazonS3 S3 => Once(ref _s3, () => Settings.Credentials is { } credentials
        ? new AmazonS3Client(credentials, CreateS3Config(Settings))
        : new AmazonS3Client(CreateS3Config(Settings)));

    public S3Transfer Transfer => Once(ref _transfer, () => new S3Transfer(S3, Settings.Credentials));

    public void Dispose()
    {
        _transcribe?.Dispose();
        _s3?.Dispose();
    }

    /// <summary>
    /// A Transcribe call answers within a second or two; one that has not answered in this long is abandoned and
    /// retried, so a stalled connection cannot hold its recording (or a wait) for the SDK's default 100 s.
    /// </summary>
    internal static readonly TimeSpan TranscribeCallTimeout = TimeSpan.FromSeconds(20);

    internal static TranscribeClientConfig CreateTranscribeConfig(AwsSettings settings)
        => At(new TranscribeClientConfig { IgnoreConfiguredEndpointUrls = true, Timeout = TranscribeCallTimeout }, settings.Region, settings.TranscribeEndpoint);

    internal static AmazonS3Config CreateS3Config(AwsSettings settings)
    {
        var config = At(new AmazonS3Config { IgnoreConfiguredEndpointUrls = true }, settings.Region, settings.S3Endpoint);

        // Uploads are SigV4-signed chunk by chunk (SHA-256 of every byte), which already proves them whole. The SDK's
        // default CRC32 beside it is computed byte by byte in managed code: on a 1 GB recording it cost more CPU
        // than the signing and the upload together (bench/Upload). Asked only where an operation requires it.
        config.RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED;

        // Custom endpoints (emulators, proxies) serve buckets by path, not by host name.
        config.ForcePathStyle = settings.S3Endpoint is not null;
        return config;
    }

    /// <summary>The regional AWS host, or a custom endpoint still signed for the region (ServiceURL and RegionEndpoint exclude each other).</summary>
    private static T At<T>(T config, string region, string? endpoint)
        where T : Amazon.Runtime.ClientConfig
    {
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        return config;
    }

    // Cmdlet work may run on several threads at once (the pump, parallel uploads): a client is still built once.
    private T Once<T>(ref T? field, Func<T> create)
        where T : class
    {
        lock (_gate)
        {
            return field ??= create();
        }
    }
}

/// <summary>
/// The clients of one cmdlet invocation, by place. Jobs given by name go to the resolved settings' region and
/// endpoint; a job piped in is reached where it lives — the region and endpoint it carries
/// (<see cref="TranscriptionJob.Region"/>, <see cref="TranscriptionJob.EndpointUrl"/>) — unless the caller named
/// the place with -Region or -EndpointUrl. Same credentials everywhere.
/// </summary>
public sealed class AwsConnections : IDisposable
{
    private readonly Dictionary<(string Region, string? Endpoint), AwsClients> _elsewhere = [];

    public AwsConnections(AwsSettings settings) => Default = new AwsClients(settings);

    /// <summary>The clients of the resolved settings.</summary>
    public AwsClients Default { get; }

    /// <summary>The clients that reach <paramref name="job"/>.</summary>
    public AwsClients For(TranscriptionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var settings = Default.Settings;
        if (settings.LocationGiven || job.Region is null || (job.Region == settings.Region && SameEndpoint(job.EndpointUrl, settings.TranscribeEndpoint)))
        {
            return Default;
        }

        lock (_elsewhere)
        {
            var place = (job.Region, job.EndpointUrl);
            if (!_elsewhere.TryGetValue(place, out var clients))
            {
                clients = new AwsClients(settings.At(job.Region, job.EndpointUrl));
                _elsewhere.Add(place, clients);
            }

            return clients;
        }
    }

    /// <summary>
    /// Job operations for a wait whose jobs may live in several places and arrive over time: each job is
    /// <see cref="JobRouter.Track"/>ed as it joins, and its calls then go where it lives.
    /// </summary>
    public JobRouter Router() => new(this);

    public void Dispose()
    {
        Default.Dispose();
        foreach (var clients in _elsewhere.Values)
        {
            clients.Dispose();
        }
    }

    // The SDK may hand the endpoint back with a trailing slash.
    private static bool SameEndpoint(string? a, string? b) => string.Equals(a?.TrimEnd('/'), b?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Routes each tracked job's calls to the place it lives (<see cref="AwsConnections.For"/>); a job not tracked goes
/// to the default place. A listing covers every place the tracked jobs of that kind live in.
/// </summary>
public sealed class JobRouter : ITranscribeJobs
{
    private readonly AwsConnections _connections;
    private readonly Dictionary<(JobKind, string), TranscribeJobs> _routes = [];

    internal JobRouter(AwsConnections connections) => _connections = connections;

    /// <summary>Remembers where <paramref name="job"/> lives; returns it, to be added to the wait.</summary>
    public TranscriptionJob Track(TranscriptionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var place = _connections.For(job).Jobs;
        lock (_routes)
        {
            _routes[(job.Kind, job.JobName)] = place;
        }

        return job;
    }

    public Task<TranscriptionJob> GetAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
        => Route(kind, jobName).GetAsync(kind, jobName, cancellationToken);

    public Task DeleteAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
        => Route(kind, jobName).DeleteAsync(kind, jobName, cancellationToken);

    public async IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, string? jobNameContains, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<TranscribeJobs> places;
        lock (_routes)
        {
            places = _routes.Where(r => r.Key.Item1 == kind).Select(r => r.Value).Distinct().ToList();
        }

        foreach (var place in places.Count == 0 ? [_connections.Default.Jobs] : places)
        {
            await foreach (var job in place.ListAsync(kind, status, jobNameContains, cancellationToken).ConfigureAwait(false))
            {
                yield return job;
            }
        }
    }

    private TranscribeJobs Route(JobKind kind, string jobName)
    {
        lock (_routes)
        {
            return _routes.GetValueOrDefault((kind, jobName)) ?? _connections.Default.Jobs;
        }
    }
}
