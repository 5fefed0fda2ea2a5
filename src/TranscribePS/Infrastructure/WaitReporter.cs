using System.Management.Automation;
using TranscribePS.Core;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Runs one multi-job wait for a cmdlet (Wait-TranscribeJob, Start-* -Wait): emits each completed job the moment
/// it is known, turns failures and timeouts into one error per job, and keeps one progress bar.
/// </summary>
internal static class WaitReporter
{
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

    public static async Task RunAsync(ICommandHost shell, JobWaiter waiter, IReadOnlyList<TranscriptionJob> jobs, WaitOptions options, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        var progress = new ImmediateProgress<WaitProgress>(p => shell.WriteProgress(new ProgressUpdate(
            ActivityIds.Wait, Messages.WaitActivity(p.Total), Messages.WaitStatus(p.Completed, p.Failed + p.NotFound + p.TimedOut, p.Running, p.Elapsed), p.PercentComplete)));
        try
        {
            await foreach (var result in waiter.WaitAsync(jobs, options, progress, cancellationToken).ConfigureAwait(false))
            {
                Report(shell, result);
            }
        }
        finally
        {
            shell.WriteProgress(new ProgressUpdate(ActivityIds.Wait, Messages.WaitActivity(jobs.Count), Messages.WaitDone, 100, Completed: true));
        }
    }

    internal static void Report(ICommandHost shell, WaitResult result)
    {
        switch (result.Outcome)
        {
            case WaitOutcome.Completed:
                shell.WriteVerbose(result.Message);
                shell.WriteObject(result.Job);
                break;
            case WaitOutcome.Failed:
                shell.WriteError(new CommandError(new JobFailedException(result.Message), "TranscribeJobFailed", ErrorCategory.InvalidResult, result.Job));
                break;
            case WaitOutcome.TimedOut:
                shell.WriteError(new CommandError(new TimeoutException(result.Message), "TranscribeJobTimedOut", ErrorCategory.OperationTimeout, result.Job));
                break;
            default:
                shell.WriteError(new CommandError(new ItemNotFoundException(result.Message), "TranscribeJobNotFound", ErrorCategory.ObjectNotFound, result.Job));
                break;
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and may reorder reports; this calls straight through.</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>The exception of a TranscribeJobFailed error: the service's FailureReason in plain words.</summary>
public sealed class JobFailedException(string message) : Exception(message);
