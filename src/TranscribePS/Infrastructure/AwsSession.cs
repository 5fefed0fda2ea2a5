using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The AWS side of one cmdlet invocation: settings resolved once from the common parameters, and the clients and
/// Core services built on them, each created on first use.
/// </summary>
internal sealed class AwsSession : IDisposable
{
    private readonly AwsSettings _settings;
    private JobSubmitter? _submitter;

    private AwsSession(AwsSettings settings) => _settings = settings;

    /// <summary>The region jobs given by name are looked for in.</summary>
    public string Region => _settings.Region;

    public ITranscribeJobs Jobs => _settings.Jobs;

    public TranscribeClient Client => _settings.Transcribe;

    public S3Transfer Storage => _settings.Transfer;

    /// <summary>Reuse-or-upload-and-start for the Start cmdlets.</summary>
    public JobSubmitter Submitter => _submitter ??= new JobSubmitter(Jobs, new TranscribeJobStarter(Client, new TranscribeJobs(Client)), new S3MediaUploader(Storage));

    /// <exception cref="FormatException">The text is not an S3 location or link.</exception>
    public Task<Stream> OpenReadAsync(string uri, CancellationToken cancellationToken)
        => Storage.OpenSeekableReadAsync(S3Location.Parse(uri), cancellationToken);

    public Task DownloadAsync(string uri, string localPath, CancellationToken cancellationToken)
        => Storage.DownloadToFileAsync(S3Location.Parse(uri), localPath, null, cancellationToken);

    /// <summary>Resolves the settings and says on -Debug where credentials, region and endpoints came from.</summary>
    public static AwsSession Open(AwsCmdlet cmdlet, InvocationPump shell)
    {
        AwsSettings settings;
        try
        {
            settings = AwsSettings.Resolve(new AwsSettingsInput
            {
                AccessKey = cmdlet.AccessKey,
                SecretKey = cmdlet.SecretKey,
                SessionToken = cmdlet.SessionToken,
                ProfileName = cmdlet.ProfileName,
                ProfileLocation = cmdlet.ProfileLocation,
                Region = cmdlet.Region,
                EndpointUrl = cmdlet.EndpointUrl,
                Environment = cmdlet.EnvironmentReader,
            });
        }
        catch (AwsSettingsException ex)
        {
            throw new TerminatingCommandException(new CommandError(ex, "AwsSettingsInvalid", ErrorCategory.InvalidArgument, null));
        }

        foreach (var line in settings.Describe())
        {
            shell.WriteDebug(line);
        }

        return new AwsSession(settings);
    }

    public void Dispose() => _settings.Dispose();
}
