using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Runs one live wait for a cmdlet (Wait-TranscribeJob, Start-* -Wait) as background work of its invocation: emits
/// each completed job the moment it is known, turns failures and timeouts into one error per job, and keeps one
/// progress bar whose elapsed time ticks every second, with counts by status, the next check's time and, for a few
/// jobs, one line per job.
/// </summary>
internal sealed class WaitReporter : IProgress<WaitProgress>
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly InvocationPump _shell;
    /// <summary>The per-job lines on show (activity id → job name and state), so that each can be taken down.</summary>
    private readonly Dictionary<int, (string Name, string State)> _jobLines = [];
    private WaitProgress? _latest;

    private WaitReporter(InvocationPump shell) => _shell = shell;

    /// <summary>For Start-* -Wait: the options with -Wait, null without it; -Timeout/-PollInterval without -Wait are refused.</summary>
    public static WaitOptions? OptionsWhen(bool wait, TimeSpan? timeout, TimeSpan? pollInterval)
        => wait ? Options(timeout, pollInterval)
            : timeout is null && pollInterval is null ? null
            : throw new TerminatingCommandException(CommandErrors.InvalidParameters(Messages.WaitSettingsNeedWait, "WaitSettingsWithoutWait"));

    public static WaitOptions Options(TimeSpan? timeout, TimeSpan? pollInterval)
    {
        // A -PollInterval above the default ceiling raises it: WaitOptions.EffectiveMaxPollInterval says so once.
        var defaults = new WaitOptions();
        var options = defaults with
        {
            Timeout = timeout ?? defaults.Timeout,
            PollInterval = pollInterval ?? defaults.PollInterval,
        };
        try
        {
            options.Validate();
        }
        catch (WaitOptionsException ex)
        {
            throw new TerminatingCommandException(CommandErrors.InvalidParameters(ex.Message, "InvalidWaitOptions"));
        }

        return options;
    }

    /// <summary>
    /// Opens the wait; <paramref name="startBackground"/> runs it (the cmdlet's own background work), so the jobs the
    /// cmdlet adds to the returned session come out while the pipeline still feeds it.
    /// </summary>
    public static WaitSession Start(InvocationPump shell, JobWaiter waiter, WaitOptions options, Action<Func<CancellationToken, Task>> startBackground)
    {
        var reporter = new WaitReporter(shell);
        var session = waiter.Open(options, reporter);
        startBackground(cancellationToken => reporter.RunAsync(session, cancellationToken));
        return session;
    }

    public void Report(WaitProgress value)
    {
        Volatile.Write(ref _latest, value);
        Render(value);
    }

    internal static void Report(InvocationPump shell, WaitResult result)
    {
        switch (result.Outcome)
        {
            case WaitOutcome.Completed:
                shell.WriteVerbose(result.Message);
                foreach (var skipped in result.Job.SkippedFeatures)
                {
                    shell.WriteWarning(Messages.FeatureSkipped(result.JobName, skipped));
                }

                shell.WriteObject(result.Job);
                break;
            case WaitOutcome.Failed:
                shell.WriteError(new CommandError(new JobFailedException(result.Message), "TranscribeJobFailed", ErrorCategory.InvalidResult, result.Job));
                break;
            case WaitOutcome.TimedOut:
                shell.WriteError(new CommandError(new TimeoutException(result.Message), "TranscribeJobTimedOut", ErrorCategory.OperationTimeout, result.Job));
                break;
            case WaitOutcome.Abandoned when result.Error is { } error:
                // The service's ErrorId and category (TranscribeAccessDenied, PermissionDenied...), one record per job.
                shell.WriteError(new CommandError(new InvalidOperationException(result.Message, error), error.ErrorId, ErrorMapping.CategoryOf(error.Kind), result.Job));
                break;
            default:
                shell.WriteError(new CommandError(new ItemNotFoundException(result.Message), "TranscribeJobNotFound", ErrorCategory.ObjectNotFound, result.Job));
                break;
        }
    }

    private async Task RunAsync(WaitSession session, CancellationToken cancellationToken)
    {
        using var ticking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ticker = TickAsync(ticking.Token);
        try
        {
            await foreach (var result in session.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                Report(_shell, result);
            }
        }
        finally
        {
            await ticking.CancelAsync().ConfigureAwait(false);
            await ticker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Complete();
    }

    /// <summary>Redraws the bar every second, so elapsed time and the countdown to the next check move while nothing else does.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Volatile.Read(ref _latest) is { } latest)
            {
                Render(latest);
            }
        }
    }

    private void Render(WaitProgress progress)
    {
        if (progress.Total == 0)
        {
            return;
        }

        _shell.WriteProgress(new ProgressUpdate(
            ActivityIds.Wait,
            Messages.WaitActivity(progress.Total),
            Messages.WaitStatus(progress, DateTimeOffset.UtcNow),
            progress.PercentComplete));

        // One line per job while there are few; the lines of a wait that grew past the limit are taken down.
        lock (_jobLines)
        {
            var shown = progress.Jobs.Select((job, i) => (Id: ActivityIds.WaitJob(i), Job: job)).ToList();
            foreach (var id in _jobLines.Keys.Where(id => shown.All(s => s.Id != id)).ToList())
            {
                TakeDown(id);
            }

            foreach (var (id, job) in shown)
            {
                var state = Messages.WaitJobState(job.LastStatus, job.Outcome);
                _jobLines[id] = (job.JobName, state);
                _shell.WriteProgress(new ProgressUpdate(id, job.JobName, state) { ParentActivityId = ActivityIds.Wait });
            }
        }
    }

    /// <summary>Ends a job's line, showing the state it had last.</summary>
    private void TakeDown(int id)
    {
        var (name, state) = _jobLines[id];
        _jobLines.Remove(id);
        _shell.WriteProgress(new ProgressUpdate(id, name, state, Completed: true) { ParentActivityId = ActivityIds.Wait });
    }

    private void Complete()
    {
        if (Volatile.Read(ref _latest) is not { Total: > 0 } last)
        {
            return;
        }

        lock (_jobLines)
        {
            foreach (var id in _jobLines.Keys.ToList())
            {
                TakeDown(id);
            }
        }

        // The closing record carries the final counts: a host that logs progress keeps them.
        _shell.WriteProgress(new ProgressUpdate(ActivityIds.Wait, Messages.WaitActivity(last.Total), Messages.WaitStatus(last, DateTimeOffset.UtcNow), 100, Completed: true));
    }
}

/// <summary>The exception of a TranscribeJobFailed error: the service's FailureReason in plain words.</summary>
public sealed class JobFailedException(string message) : Exception(message);
