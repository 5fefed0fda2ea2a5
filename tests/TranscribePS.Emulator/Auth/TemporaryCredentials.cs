using System.Text.Json.Serialization;

namespace TranscribePS.Emulator.Auth;

/// <summary>
/// A temporary key pair with its session token, as STS, SSO or a role hands out: accepted only with that token, and
/// only until it expires — after <see cref="ExpiresAfterCalls"/> calls signed with it, or when expired by hand.
/// </summary>
public sealed record TemporaryCredential
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    /// <summary>How many signed calls it serves before it expires; null = until expired by hand.</summary>
    public int? ExpiresAfterCalls { get; init; }

    /// <summary>Calls verified with it so far (the calls after expiry included).</summary>
    public int Calls { get; init; }

    public bool Expired { get; init; }

    [JsonIgnore]
    internal EmulatorCredential KeyPair => new(AccessKeyId, SecretAccessKey);

    internal string Validate() =>
        string.IsNullOrWhiteSpace(AccessKeyId) ? "AccessKeyId is required."
        : string.IsNullOrWhiteSpace(SecretAccessKey) ? "SecretAccessKey is required."
        : string.IsNullOrWhiteSpace(SessionToken) ? "SessionToken is required: temporary credentials always carry one."
        : ExpiresAfterCalls < 0 ? "ExpiresAfterCalls cannot be negative."
        : string.Empty;
}

/// <summary>
/// The temporary credentials the emulator accepts besides its long-term key pairs. A call signed with one of them
/// must carry its session token (else "invalid token"), and once it has expired every call signed with it is refused
/// as expired — after the signature check, as AWS does, so only a correctly signed call learns that its token expired.
/// </summary>
public sealed class TemporaryCredentials
{
    private readonly Dictionary<string, TemporaryCredential> _byKey = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public IReadOnlyList<TemporaryCredential> All
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Values.OrderBy(c => c.AccessKeyId, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Adds or replaces the credential of that access key; its count starts again from zero.</summary>
    /// <exception cref="ArgumentException">A member is missing or out of range (the message says which).</exception>
    public void Set(TemporaryCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var problem = credential.Validate();
        if (problem.Length > 0)
        {
            throw new ArgumentException(problem, nameof(credential));
        }

        lock (_lock)
        {
            _byKey[credential.AccessKeyId] = credential with { Calls = 0, Expired = credential.Expired || credential.ExpiresAfterCalls == 0 };
        }
    }

    /// <summary>Expires the credential of that access key now; false when there is none.</summary>
    public bool Expire(string accessKeyId)
    {
        lock (_lock)
        {
            if (!_byKey.TryGetValue(accessKeyId, out var credential))
            {
                return false;
            }

            _byKey[accessKeyId] = credential with { Expired = true };
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _byKey.Clear();
        }
    }

    internal EmulatorCredential? KeyPair(string accessKeyId)
    {
        lock (_lock)
        {
            return _byKey.TryGetValue(accessKeyId, out var credential) ? credential.KeyPair : null;
        }
    }

    /// <summary>
    /// Counts one correctly signed call with <paramref name="accessKeyId"/> and says whether it may pass: null when it
    /// may (or the key is not a temporary one), else why not.
    /// </summary>
    internal AuthFailure? Use(string accessKeyId, string? sessionToken)
    {
        lock (_lock)
        {
            if (!_byKey.TryGetValue(accessKeyId, out var credential))
            {
                return null;
            }

            if (!string.Equals(sessionToken, credential.SessionToken, StringComparison.Ordinal))
            {
                return AuthFailure.InvalidToken;
            }

            var calls = credential.Calls + 1;
            var expired = credential.Expired || calls > credential.ExpiresAfterCalls;
            _byKey[accessKeyId] = credential with { Calls = calls, Expired = expired };
            return expired ? AuthFailure.TokenExpired : null;
        }
    }
}
