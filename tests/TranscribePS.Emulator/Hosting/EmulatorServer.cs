using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TranscribePS.Emulator.Auth;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.S3;
using TranscribePS.Emulator.Storage;
using TranscribePS.Emulator.Transcribe;

namespace TranscribePS.Emulator.Hosting;

/// <summary>
/// A running emulator on 127.0.0.1: Transcribe (JSON 1.1) and S3 (path-style) on one port, SigV4 verified,
/// with request counts, scripted faults and request-rate quotas to steer from tests, the bench or Pester.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly S3Service _s3;
    private int _disposed;

    private EmulatorServer(EmulatorOptions options)
    {
        if (options.Credentials.Count == 0)
        {
            throw new ArgumentException("At least one credential is needed.", nameof(options));
        }

        Region = options.Region;
        AccessKeyId = options.Credentials[0].AccessKeyId;
        SecretAccessKey = options.Credentials[0].SecretAccessKey;
        Store = new ObjectStore(options.Time, options.Buckets);
        Transcribe = new TranscribeApi(Store, options.Transcribe, options.Region, options.Time);
        Quotas = new RequestQuotas(new Dictionary<string, int?>(options.RequestQuotas));
        Faults = new FaultInjector(options.FaultSeed);
        _s3 = new S3Service(Store, options.Region, options.MinimumPartSize, options.Time);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, ExternalLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        _app = builder.Build();
        _app.MapAdminRoutes(this).MapCredentialRoutes(TemporaryCredentials);
        Transcribe.MapAdminRoutes(AdminRoutes.LoopbackOnly(_app.MapGroup(string.Empty)));
        var pipeline = new RequestPipeline(
            new SigV4Verifier(options.Credentials, options.Region, temporary: TemporaryCredentials),
            Requests,
            Quotas,
            Faults,
            Transcribe,
            _s3,
            options.Verbose);
        _app.Use((HttpContext context, RequestDelegate next) =>
            context.GetEndpoint() is null ? pipeline.HandleAsync(context) : next(context));
    }

    /// <summary>The base address, e.g. http://127.0.0.1:54321/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public string Region { get; }

    /// <summary>S3 contents, shared with the Transcribe job engine.</summary>
    public ObjectStore Store { get; }

    public TranscribeApi Transcribe { get; }

    /// <summary>Requests received per operation name (Transcribe and S3).</summary>
    public RequestCounter Requests { get; } = new();

    public FaultInjector Faults { get; }

    public RequestQuotas Quotas { get; }

    /// <summary>Temporary key pairs with session tokens, accepted besides the long-term ones until each expires.</summary>
    public TemporaryCredentials TemporaryCredentials { get; } = new();

    /// <summary>S3 multipart uploads in flight (not yet completed or aborted).</summary>
    public MultipartUploads Uploads => _s3.Uploads;

    /// <summary>Endpoint, keys and region as AWS_* environment settings.</summary>
    public EmulatorSettings Settings => new(Endpoint, AccessKeyId, SecretAccessKey, Region);

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new EmulatorServer(options ?? new EmulatorOptions());
        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
            var signer = new EmulatorCredential(server.AccessKeyId, server.SecretAccessKey);
            server.Transcribe.ServiceFileSigner = (bucket, key) =>
                Presigner.PresignGet(server.Endpoint, bucket, key, signer, server.Region, TimeProvider.System.GetUtcNow(), 900);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Back to a fresh emulator: counts, faults, quotas, temporary credentials, objects, multipart uploads and
    /// Transcribe jobs; buckets back to the start-up list.
    /// </summary>
    public void Reset()
    {
        TemporaryCredentials.Clear();
        Transcribe.Reset();
        Requests.Reset();
        Faults.Clear();
        Quotas.Reset();
        Store.Clear();
        _s3.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The host must not hook Ctrl+C of the process it is embedded in; whoever started it stops it.</summary>
    private sealed class ExternalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
