using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

/// <summary>Signed raw HTTP requests to the emulator, with hooks to tamper with a request after it was signed.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly Uri _endpoint;
    private readonly string? _sessionToken;

    /// <param name="sessionToken">Sent (and signed) as x-amz-security-token, as temporary credentials are.</param>
    public RawClient(EmulatorFixture fixture, string? secretAccessKey = null, string? accessKeyId = null, string? sessionToken = null)
    {
        _sessionToken = sessionToken;
        var settings = fixture.Settings;
        _endpoint = fixture.Server.Endpoint;
        Signer = new TestSigner(accessKeyId ?? settings.AccessKeyId, secretAccessKey ?? settings.SecretAccessKey, settings.Region);
    }

    public HttpClient Http { get; } = new();

    public TestSigner Signer { get; }

    /// <param name="completion">ResponseHeadersRead to read the body as it arrives (a cut answer's headers, then its first bytes).</param>
    public Task<HttpResponseMessage> S3Async(HttpMethod method, string pathAndQuery, byte[]? body = null, Action<HttpRequestMessage>? beforeSigning = null, Action<HttpRequestMessage>? afterSigning = null, string? payloadHash = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(method, new Uri(_endpoint, pathAndQuery));
        beforeSigning?.Invoke(request);
        AddSessionToken(request);
        Signer.Sign(request, "s3", body ?? [], payloadHash: payloadHash);
        afterSigning?.Invoke(request);
        return Http.SendAsync(request, completion);
    }

    public Task<HttpResponseMessage> TranscribeAsync(string operation, string json = "{}", Action<HttpRequestMessage>? afterSigning = null, string? target = null, DateTimeOffset? signedAt = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target ?? "Transcribe." + operation);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        AddSessionToken(request);
        Signer.Sign(request, "transcribe", body, signedAt);
        afterSigning?.Invoke(request);
        return Http.SendAsync(request, completion);
    }

    /// <summary>The S3 error document's Code, Message and other children by name.</summary>
    public static async Task<Dictionary<string, string>> ErrorXmlAsync(HttpResponseMessage response)
    {
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Error", doc.Root!.Name.LocalName);
        return doc.Root.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
    }

    public void Dispose() => Http.Dispose();

    private void AddSessionToken(HttpRequestMessage request)
    {
        if (_sessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-security-token", _sessionToken);
        }
    }
}
