using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace TranscribePS.Core.Aws;

// Every use of AWSSDK.Core's *.Internal types lives in this file: they are the types AWS's own generated service
// packages compile against, stable within the exactly pinned AWSSDK.Core version but not a public contract.

/// <summary>
/// Client settings for Amazon Transcribe. Set <see cref="ClientConfig.RegionEndpoint"/> for the regional host, or
/// <see cref="ClientConfig.ServiceURL"/> plus <see cref="ClientConfig.AuthenticationRegion"/> for a custom endpoint.
/// </summary>
public sealed class TranscribeClientConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] Defaults = Enum.GetValues<DefaultConfigurationMode>()
        .Select(mode => (IDefaultConfiguration)new DefaultConfiguration { Name = mode, RetryMode = RequestRetryMode.Standard })
        .ToArray();

    public TranscribeClientConfig()
        : base(new DefaultConfigurationProvider(Defaults))
    {
        ServiceId = "Transcribe";
        AuthenticationServiceName = "transcribe";
        RetryMode = RequestRetryMode.Standard;
    }

    public override string RegionEndpointServiceName => "transcribe";

    public override string ServiceVersion => "2017-10-26";

    public override string UserAgent => "TranscribePS/" + typeof(TranscribeClientConfig).Assembly.GetName().Version;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!string.IsNullOrEmpty(ServiceURL))
        {
            return new Endpoint(ServiceURL);
        }

        var region = (parameters.AlternateEndpoint ?? RegionEndpoint)?.SystemName
            ?? throw new InvalidOperationException(Messages.RegionMissingForClient);
        return new Endpoint(TranscribeEndpoints.RegionalUrl(region, UseFIPSEndpoint, UseDualstackEndpoint));
    }
}

/// <summary>The AmazonServiceClient that carries every Transcribe call through the SDK's pipeline.</summary>
internal sealed class TranscribeServiceClient : AmazonServiceClient
{
    private static readonly IServiceMetadata Metadata = new TranscribeServiceMetadata();

    public TranscribeServiceClient(AWSCredentials? credentials, TranscribeClientConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => Metadata;

    /// <summary>Sends one operation's JSON body and returns the response body; failures are AmazonServiceException.</summary>
    public async Task<byte[]> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = OperationMarshaller.Instance,
            ResponseUnmarshaller = RawJsonUnmarshaller.Instance,
        };
        var response = await InvokeAsync<RawJsonResponse>(new OperationRequest(operation, body), options, cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // Without an auth resolver after the marshaller, v4's signer has no scheme and every call fails.
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
    }

    private sealed class TranscribeServiceMetadata : IServiceMetadata
    {
        public string ServiceId => "Transcribe";

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}

/// <summary>The one request carrier: the operation name and its already serialised JSON body.</summary>
internal sealed class OperationRequest(string operation, byte[] body) : AmazonWebServiceRequest
{
    public string Operation { get; } = operation;

    public byte[] Body { get; } = body;
}

internal sealed class RawJsonResponse : AmazonWebServiceResponse
{
    public byte[] Body { get; init; } = [];
}

internal sealed class OperationMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static readonly OperationMarshaller Instance = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (OperationRequest)input;
        IRequest request = new DefaultRequest(operation, "Transcribe")
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Content = operation.Body,
        };
        request.Headers["X-Amz-Target"] = "Transcribe." + operation.Operation;
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        return request;
    }
}

internal sealed class RawJsonUnmarshaller : JsonResponseUnmarshaller
{
    public static readonly RawJsonUnmarshaller Instance = new();

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        using var buffer = new MemoryStream();
        input.Stream.CopyTo(buffer);
        return new RawJsonResponse { Body = buffer.ToArray() };
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        var reader = new StreamingUtf8JsonReader(input.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(input, ref reader);
        return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }
}

internal sealed class SigV4AuthResolver : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
