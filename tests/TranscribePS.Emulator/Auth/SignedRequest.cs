namespace TranscribePS.Emulator.Auth;

/// <summary>An HTTP request as the verifier sees it: the raw target as sent, headers in order, the body bytes.</summary>
public sealed class SignedRequest
{
    public required string Method { get; init; }

    /// <summary>The path exactly as sent on the request line (still percent-encoded).</summary>
    public required string RawPath { get; init; }

    /// <summary>The query exactly as sent, without the leading '?'.</summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>Every header line; a header sent several times appears several times, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public byte[] Body { get; init; } = [];

    public string? Header(string name)
    {
        string? found = null;
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? value : found + "," + value;
            }
        }

        return found;
    }
}
