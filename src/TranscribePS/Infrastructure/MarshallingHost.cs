using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using TranscribePS.Core;

namespace TranscribePS.Infrastructure;

/// <summary>
/// The host cmdlet code sees while its async work runs off the pipeline thread: every call is queued and executed on
/// the pipeline thread by <see cref="Drain"/>, because PowerShell only accepts writes and prompts from that thread.
/// </summary>
internal sealed class MarshallingHost(ICommandHost inner, CancellationToken cancellationToken) : ICommandHost
{
    private readonly BlockingCollection<Action> _queue = new();
    private volatile bool _closed;

    public string ParameterSetName { get; } = inner.ParameterSetName;

    public string CurrentDirectory => Call(() => inner.CurrentDirectory);

    public void WriteObject(object? value) => Post(() => inner.WriteObject(value));

    public void WriteError(CommandError error) => Post(() => inner.WriteError(error));

    public void WriteWarning(string text) => Post(() => inner.WriteWarning(text));

    public void WriteVerbose(string text) => Post(() => inner.WriteVerbose(text));

    public void WriteDebug(string text) => Post(() => inner.WriteDebug(text));

    public void WriteProgress(ProgressUpdate progress) => Post(() => inner.WriteProgress(progress));

    public bool ShouldProcess(string target, string action) => Call(() => inner.ShouldProcess(target, action));

    public bool WhatIf => Call(() => inner.WhatIf);

    public PathResolution ResolvePath(string path, bool literal) => Call(() => inner.ResolvePath(path, literal));

    [DoesNotReturn]
    public void ThrowTerminatingError(CommandError error) => throw new TerminatingCommandException(error);

    /// <summary>Ends the step: every later call throws OperationCanceledException instead of being queued for nobody.</summary>
    public void Close()
    {
        _closed = true;
        _queue.CompleteAdding();
    }

    /// <summary>Runs queued calls on the calling (pipeline) thread until <paramref name="work"/> finishes.</summary>
    public void Drain(Task work)
    {
        work.ContinueWith(_ => _queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var action in _queue.GetConsumingEnumerable())
        {
            action();
        }
    }

    private void Post(Action action)
    {
        if (_closed)
        {
            throw new OperationCanceledException(Messages.StepEnded, cancellationToken);
        }

        try
        {
            _queue.Add(action, CancellationToken.None);
        }
        catch (InvalidOperationException) when (_queue.IsAddingCompleted)
        {
            // Nobody drains the queue any more: the step is over, so the work that called is cancelled.
            throw new OperationCanceledException(Messages.StepEnded, cancellationToken);
        }
    }

    /// <summary>A call whose answer the async work needs (prompts, path resolution); waits for the pipeline thread.</summary>
    private T Call<T>(Func<T> func)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                answer.SetResult(func());
            }
            catch (Exception ex)
            {
                answer.SetException(ex);
                throw;
            }
        });
        return answer.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
