using System.Management.Automation;

namespace TranscribePS.Infrastructure;

/// <summary>
/// Base of every TranscribePS cmdlet: Begin/Process/End run async Core work off the pipeline thread while the
/// pipeline thread drains the writes and prompts it queues; StopProcessing (Ctrl+C) cancels the token every Core
/// call receives. Cmdlet code reaches PowerShell only through <see cref="Shell"/>.
/// </summary>
/// <remarks>
/// Switch parameters are declared as <c>SwitchParameter X { get => XOn; set => XOn = value.IsPresent; }</c> with an
/// internal <c>bool XOn</c> that the code reads: the stub SwitchParameter always says false at test time, so tests
/// set the bool.
/// </remarks>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly AsyncLocal<MarshallingHost?> _stepHost = new();
    private ICommandHost? _outer;
    private MarshallingHost? _current;

    /// <summary>The seam; tests replace it with a recorder before invoking.</summary>
    internal ICommandHost OuterHost
    {
        get => _outer ??= new PSCmdletHost(this);
        set => _outer = value;
    }

    /// <summary>
    /// What cmdlet code writes to: the host of the step the calling work belongs to (flowing with its async context),
    /// which queues to the pipeline thread while the step runs and throws OperationCanceledException once it has
    /// ended. The PSCmdlet itself is reached only before the first step, when no work exists yet.
    /// </summary>
    internal ICommandHost Shell => _stepHost.Value ?? _current ?? OuterHost;

    internal CancellationToken StopToken => _stopping.Token;

    protected sealed override void BeginProcessing() => RunBegin();

    protected sealed override void ProcessRecord() => RunProcess();

    protected sealed override void EndProcessing() => RunEnd();

    protected sealed override void StopProcessing() => _stopping.Cancel();

    internal void RunBegin() => Run(BeginAsync);

    internal void RunProcess() => Run(ProcessAsync);

    internal void RunEnd() => Run(EndAsync);

    internal void Stop() => _stopping.Cancel();

    private protected virtual Task BeginAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private protected virtual Task ProcessAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private protected virtual Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }

    /// <summary>A write refused on the pipeline thread (e.g. the pipeline is stopping) must also stop the async work.</summary>
    private bool CancelWork()
    {
        _stopping.Cancel();
        return false;
    }

    private void Run(Func<CancellationToken, Task> step)
    {
        var outer = OuterHost;
        var marshal = new MarshallingHost(outer, _stopping.Token);
        _current = marshal;
        try
        {
            var work = Task.Run(
                () =>
                {
                    _stepHost.Value = marshal;
                    return step(_stopping.Token);
                },
                _stopping.Token);
            marshal.Drain(work);
            work.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: PowerShell raises PipelineStoppedException itself once this method returns.
        }
        catch (TerminatingCommandException ex)
        {
            outer.ThrowTerminatingError(ex.Error);
        }
        catch (Core.Aws.AwsServiceException ex)
        {
            outer.ThrowTerminatingError(ErrorMapping.ToError(ex, null));
        }
        catch (Exception) when (CancelWork())
        {
            // Not reached: the filter only cancels the async work and lets the exception (PipelineStoppedException
            // among others) travel on untouched.
        }
        finally
        {
            // Work still running (its step ended early on an error or a stop) gets OperationCanceledException from now on.
            marshal.Close();
        }
    }
}
