using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Base of every cmdlet that calls AWS: the common parameters under AWS Tools for PowerShell's names, and the
/// clients, built once per invocation from the settings resolver (explicit parameters → profile → SDK chain).
/// </summary>
public abstract class AwsCmdlet : AsyncCmdlet
{
    private readonly object _awsGate = new();
    private AwsSession? _aws;

    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [Alias("AWSProfileName")]
    public string? ProfileName { get; set; }

    [Parameter]
    public string? ProfileLocation { get; set; }

    [Parameter]
    public string? AccessKey { get; set; }

    [Parameter]
    public string? SecretKey { get; set; }

    [Parameter]
    public string? SessionToken { get; set; }

    [Parameter]
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// The clients. Resolved in BeginProcessing (so missing credentials stop the cmdlet before any item), or on
    /// first use when <see cref="ResolveAwsOnBegin"/> is false; record work and background work may both ask first.
    /// </summary>
    internal AwsSession Aws
    {
        get
        {
            lock (_awsGate)
            {
                return _aws ??= AwsSession.Open(this, Shell);
            }
        }
    }

    /// <summary>Reads environment variables for the settings resolver; tests replace it to be independent of the machine.</summary>
    internal Func<string, string?> EnvironmentReader { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>False for cmdlets that may run on local files only, where missing AWS settings must not stop them.</summary>
    private protected virtual bool ResolveAwsOnBegin => true;

    private protected sealed override Task BeginAsync(CancellationToken cancellationToken)
    {
        CheckParameters();
        if (ResolveAwsOnBegin)
        {
            _ = Aws;
        }

        return BeginWorkAsync(cancellationToken);
    }

    /// <summary>Contradictory parameters stop the cmdlet once, before AWS settings are even read.</summary>
    private protected virtual void CheckParameters()
    {
    }

    private protected virtual Task BeginWorkAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// One item's service failure as a non-terminating error; missing credentials stop the cmdlet instead, since
    /// every other item would fail the same way.
    /// </summary>
    private protected void WriteServiceError(Core.Aws.AwsServiceException exception, object? target)
    {
        var error = ErrorMapping.ToError(exception, target);
        if (exception.Kind == Core.Aws.AwsErrorKind.CredentialsMissing)
        {
            throw new TerminatingCommandException(error);
        }

        Shell.WriteError(error);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aws?.Dispose();
        }

        base.Dispose(disposing);
    }
}
