using Amazon.Runtime;

namespace TranscribePS.Core.Aws;

/// <summary>
/// Credentials read from a source that can be read again — a profile in the shared credentials file, which
/// <c>aws sso login</c>, a <c>credential_process</c> or a scheduled task may rewrite while a long wait runs. The SDK
/// reads such a profile once; when the service answers that its session token expired, <see cref="Renew"/> reads the
/// source again, and the call is retried only if that gave other credentials.
/// </summary>
public sealed class RenewableCredentials : AWSCredentials
{
    private readonly Func<AWSCredentials?> _read;
    private readonly object _gate = new();
    private AWSCredentials _current;
    private long _generation;

    /// <param name="initial">The credentials read already.</param>
    /// <param name="read">Reads the source again; null (or an exception) when it no longer gives credentials.</param>
    public RenewableCredentials(AWSCredentials initial, Func<AWSCredentials?> read)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(read);
        _current = initial;
        _read = read;
    }

    /// <summary>Goes up by one each time <see cref="Renew"/> takes other credentials; a caller notes it before a call.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    private AWSCredentials Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public override ImmutableCredentials GetCredentials() => Current.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => Current.GetCredentialsAsync();

    /// <summary>
    /// After a call made at <paramref name="seenGeneration"/> met an expired token: true when the credentials are
    /// now others (another call renewed them meanwhile, or the source gives new ones), so the call is worth repeating.
    /// </summary>
    public bool Renew(long seenGeneration)
    {
        lock (_gate)
        {
            if (Generation != seenGeneration)
            {
                return true;
            }

            AWSCredentials? fresh;
            try
            {
                fresh = _read();
                if (fresh is null || Same(fresh.GetCredentials(), _current.GetCredentials()))
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is AmazonClientException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return false;
            }

            _current = fresh;
            Interlocked.Increment(ref _generation);
            return true;
        }
    }

    /// <summary>What a caller notes before a call, to pass to <see cref="Renewed"/> if the call meets an expired token.</summary>
    internal static long Mark(AWSCredentials? credentials) => (credentials as RenewableCredentials)?.Generation ?? 0;

    /// <summary>
    /// Whether a call that met an expired token is worth one more try: renewable credentials that now differ, or the
    /// SDK's default chain (null), which reads its sources (variables, shared files, SSO cache) again when they
    /// changed. Fixed credentials (-AccessKey/-SecretKey/-SessionToken) cannot get newer.
    /// </summary>
    internal static bool Renewed(AWSCredentials? credentials, long mark) => credentials switch
    {
        null => true,
        RenewableCredentials renewable => renewable.Renew(mark),
        _ => false,
    };

    private static bool Same(ImmutableCredentials a, ImmutableCredentials b) =>
        a.AccessKey == b.AccessKey && a.SecretKey == b.SecretKey && a.Token == b.Token;
}
