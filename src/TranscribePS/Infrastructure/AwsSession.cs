using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Submission;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The AWS side of one cmdlet invocation: settings resolved once from the common parameters, and the clients (by
/// place: a job piped in is reached where it lives, see <see cref="AwsConnections"/>) and the Core services on them.
/// </summary>
internal sealed class AwsSession : IDisposable
{
    private readonly AwsConnections _connections;
    private readonly InvocationPump _shell;
    private readonly HashSet<string> _warned = [];

    private AwsSession(AwsSettings settings, InvocationPump shell)
    {
        _connections = new AwsConnections(settings);
        _shell = shell;
        WarnOnce(settings);
    }

    /// <summary>The region jobs given by name are looked for in.</summary>
    public string Region => _connections.Default.Settings.Region;

    public TranscribeJobs Jobs => _connections.Default.Jobs;

    public TranscribeClient Client => _connections.Default.Transcribe;

    public S3Transfer Storage => _connections.Default.Transfer;

    /// <summary>Reuse-or-upload-and-start for the Start cmdlets: one per invocation, shared by its parallel submissions (one listing, one pace, one window).</summary>
    public JobSubmitter CreateSubmitter(SubmissionOptions options, IProgress<SlotWait>? slotProgress) =>
        new(Jobs, new TranscribeJobStarter(Client, Jobs), new S3MediaUploader(Storage, options), options, slotProgress: slotProgress);

    /// <summary>The clients that reach <paramref name="job"/>: where it lives, unless -Region or -EndpointUrl said where to go.</summary>
    /// <exception cref="AwsSettingsException">The job lives at a plain http endpoint off this machine and no opt-in was given.</exception>
    public AwsClients For(TranscriptionJob job)
    {
        var clients = _connections.For(job);
        WarnOnce(clients.Settings);
        return clients;
    }

    /// <summary>Job operations for a wait over jobs that may live in several places, tracked as they join.</summary>
    public JobRouter Router() => _connections.Router();

    /// <summary>Opens an S3 object for reading; one a job wrote is read where the job lives.</summary>
    /// <exception cref="FormatException">The text is not an S3 location or link.</exception>
    public Task<Stream> OpenReadAsync(string uri, TranscriptionJob? job, CancellationToken cancellationToken)
        => StorageFor(job).OpenSeekableReadAsync(S3Location.Parse(uri), cancellationToken);

    public Task DownloadAsync(string uri, TranscriptionJob job, string localPath, CancellationToken cancellationToken)
        => StorageFor(job).DownloadToFileAsync(S3Location.Parse(uri), localPath, null, cancellationToken);

    private S3Transfer StorageFor(TranscriptionJob? job) => job is null ? Storage : For(job).Transfer;

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
                AllowInsecureEndpoint = cmdlet.AllowInsecureEndpoint,
                Environment = cmdlet.EnvironmentReader,
            });
        }
        catch (AwsSettingsException ex)
        {
            throw new TerminatingCommandException(new CommandError(ex, ex.ErrorId, ErrorCategory.InvalidArgument, null));
        }

        foreach (var line in settings.Describe())
        {
            shell.WriteDebug(line);
        }

        return new AwsSession(settings, shell);
    }

    // Once per command and endpoint, however many jobs go there.
    private void WarnOnce(AwsSettings settings)
    {
        foreach (var warning in settings.Warnings)
        {
            bool first;
            lock (_warned)
            {
                first = _warned.Add(warning);
            }

            if (first)
            {
                _shell.WriteWarning(warning);
            }
        }
    }

    public void Dispose() => _connections.Dispose();
}
