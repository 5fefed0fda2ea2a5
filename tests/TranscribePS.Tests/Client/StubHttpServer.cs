using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TranscribePS.Tests.Client;

/// <summary>
/// A loopback HTTP server that answers with scripted responses and records what it received, for tests of the
/// client's wire format and error handling that need no emulator.
/// </summary>
internal sealed class StubHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<StubResponse> _script = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public StubHttpServer()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answered when the script is empty.</summary>
    public StubResponse Fallback { get; set; } = new(200, "{}");

    public void Enqueue(params StubResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public void Dispose()
    {
        // Ends a scripted delay in progress at once: teardown never waits out a response the test has given up on.
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
            // The listener loop ends with an exception when the listener closes under it.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, Encoding.UTF8.GetString(body.ToArray())));

            var response = _script.TryDequeue(out var scripted) ? scripted : Fallback;
            if (response.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(response.Delay, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.ContentLength64 = bytes.Length;
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up on this request (a cancellation test); keep serving.
            }
        }
    }
}

internal sealed record StubResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public TimeSpan Delay { get; init; }

    public static StubResponse Error(int status, string type, string message) =>
        new(status, $$"""{"__type":"{{type}}","Message":"{{message}}"}""", new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-" + type });
}

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
