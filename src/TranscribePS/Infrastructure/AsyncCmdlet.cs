using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Base of every TranscribePS cmdlet. Begin/Process/End run their hook on the pipeline thread: what completes
/// synchronously costs nothing more than the call, and async work writes through <see cref="Shell"/>, one queue for
/// the whole invocation, which the pipeline thread delivers while the step waits for the hook's task. Work that must
/// outlive a record (a wait session, a batch) is started with <see cref="StartBackground"/>: each later step writes
/// what it produced so far, and EndProcessing waits for it to end. StopProcessing (Ctrl+C) cancels the token every
/// Core call receives and wakes the waiting pipeline thread at once.
/// </summary>
/// <remarks>
/// Switch parameters are declared as <c>SwitchParameter X { get => XOn; set => XOn = value.IsPresent; }</c> with an
/// internal <c>bool XOn</c> that the code reads: the stub SwitchParameter always says false at test time, so tests
/// set the bool.
/// </remarks>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ICommandHost? _outer;
    private InvocationPump? _pump;

    /// <summary>The seam; tests replace it with a recorder before invoking.</summary>
    internal ICommandHost OuterHost
    {
        get => _outer ??= new PSCmdletHost(this);
        set => _outer = value;
    }

    /// <summary>What cmdlet code writes to and asks through, from any thread, for the whole invocation.</summary>
    internal InvocationPump Shell => Volatile.Read(ref _pump) ?? CreatePump();

    internal CancellationToken StopToken => _stopping.Token;

    protected sealed override void BeginProcessing() => RunBegin();

    protected sealed override void ProcessRecord() => RunProcess();

    protected sealed override void EndProcessing() => RunEnd();

    protected sealed override void StopProcessing() => Stop();

    internal void RunBegin() => Run(BeginAsync, last: false);

    internal void RunProcess() => Run(ProcessAsync, last: false);

    internal void RunEnd() => Run(EndAsync, last: true);

    internal void Stop() => _stopping.Cancel();

    private protected virtual Task BeginAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One pipeline record: pre-flight and prompts, then the work (or its hand-over to background work).</summary>
    private protected virtual Task ProcessAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private protected virtual Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts work that may outlive the record that started it, off the pipeline thread. Its writes come out at the
    /// next step; EndProcessing returns once it has ended. A failure ends the cmdlet as a step's failure would.
    /// </summary>
    private protected void StartBackground(Func<CancellationToken, Task> work)
    {
        var token = _stopping.Token;
        Shell.Track(Task.Run(() => work(token), token));
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Background work of a pipeline that ended early (stopped, or failed elsewhere) must not run on.
            _stopping.Cancel();
            _pump?.Close();
            if (_pump?.HasBackgroundWork != true)
            {
                _stopping.Dispose();
            }
        }
    }

    private InvocationPump CreatePump()
    {
        Interlocked.CompareExchange(ref _pump, new InvocationPump(OuterHost, _stopping.Token), null);
        return _pump!;
    }

    /// <summary>
    /// Something went wrong on the pipeline thread (a refused write among others): nothing else may run or write.
    /// Returns false, so that it can run in an exception filter and let the exception travel on.
    /// </summary>
    private bool Abandon(InvocationPump pump)
    {
        _stopping.Cancel();
        pump.Close();
        return false;
    }

    private void Run(Func<CancellationToken, Task> hook, bool last)
    {
        var pump = Shell;
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            // Core's awaits resume on the pool; a host's context (a GUI host) would wait for this blocked thread.
            SynchronizationContext.SetSynchronizationContext(null);
        }

        pump.Enter();
        try
        {
            pump.FlushReady();
            var work = hook(_stopping.Token);
            if (!work.IsCompleted)
            {
                pump.DrainUntil(work);
            }

            work.GetAwaiter().GetResult();
            if (last)
            {
                pump.DrainBackground();
                pump.Close();
            }
            else
            {
                pump.FlushReady();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: PowerShell raises PipelineStoppedException itself once this method returns.
            pump.Close();
        }
        catch (TerminatingCommandException ex)
        {
            Abandon(pump);
            OuterHost.ThrowTerminatingError(ex.Error);
        }
        catch (Core.Aws.AwsServiceException ex)
        {
            Abandon(pump);
            OuterHost.ThrowTerminatingError(ErrorMapping.ToError(ex, null));
        }
        catch (Core.Aws.AwsSettingsException ex)
        {
            // A job piped in that lives where these settings may not go (plain http off this machine).
            Abandon(pump);
            OuterHost.ThrowTerminatingError(new CommandError(ex, ex.ErrorId, System.Management.Automation.ErrorCategory.InvalidArgument, null));
        }
        catch (Exception) when (Abandon(pump))
        {
            // Not reached: the filter only stops the work and lets the exception (PipelineStoppedException among
            // others) travel on untouched.
        }
        finally
        {
            pump.Exit();
            if (context is not null)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }
}
