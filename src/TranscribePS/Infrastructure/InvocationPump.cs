using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using TranscribePS.Core;

namespace TranscribePS.Infrastructure;

/// <summary>
/// What cmdlet code writes to, for the whole invocation (BeginProcessing to EndProcessing). PowerShell takes writes
/// and prompts only on the pipeline thread while the cmdlet runs one of its steps, so a call made there goes straight
/// to the host, and a call made by async work on another thread is queued and delivered, in the order made, the next
/// time the pipeline thread passes through the cmdlet: at the start and end of every step, and while a step waits
/// for its work. Round trips (prompts, path resolution) are awaited, never blocked on, so no pool thread waits for
/// the pipeline thread.
/// </summary>
internal sealed class InvocationPump
{
    private const int NoThread = -1;

    private readonly ICommandHost _host;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentQueue<Action<ICommandHost>> _queue = new();

    /// <summary>Set whenever something is queued or a piece of work ends; the pipeline thread sleeps on it between deliveries.</summary>
    private readonly ManualResetEventSlim _ready = new(initialState: false);
    private readonly Action _wake;
    private readonly object _progressGate = new();

    /// <summary>The newest update of each progress activity not yet delivered: a bar shows the latest state, not a backlog.</summary>
    private readonly Dictionary<int, ProgressUpdate> _pendingProgress = [];
    private volatile int _stepThread = NoThread;
    private int _running;
    private volatile bool _closed;

    /// <summary>Made by the first step, on the pipeline thread.</summary>
    public InvocationPump(ICommandHost host, CancellationToken stopping)
    {
        _host = host;
        _stopping = stopping;
        _wake = _ready.Set;
        WhatIf = host.WhatIf;
    }

    public string ParameterSetName => _host.ParameterSetName;

    /// <summary>-WhatIf (or $WhatIfPreference) is on: read once, when the invocation starts, so any thread may ask.</summary>
    public bool WhatIf { get; }

    /// <summary>True while background work (started with <see cref="Track"/>) is still running.</summary>
    public bool HasBackgroundWork => Volatile.Read(ref _running) > 0;

    private bool OnPipelineThread => _stepThread == Environment.CurrentManagedThreadId;

    public void WriteObject(object? value) => Deliver(host => host.WriteObject(value));

    public void WriteFile(string path) => Deliver(host => host.WriteFile(path));

    public void WriteError(CommandError error) => Deliver(host => host.WriteError(error));

    public void WriteWarning(string text) => Deliver(host => host.WriteWarning(text));

    public void WriteVerbose(string text) => Deliver(host => host.WriteVerbose(text));

    public void WriteDebug(string text) => Deliver(host => host.WriteDebug(text));

    public void WriteProgress(ProgressUpdate progress)
    {
        if (OnPipelineThread)
        {
            FlushReady();
            _host.WriteProgress(progress);
            return;
        }

        bool queued;
        lock (_progressGate)
        {
            queued = _pendingProgress.ContainsKey(progress.ActivityId);
            _pendingProgress[progress.ActivityId] = progress;
        }

        if (!queued)
        {
            Post(host => host.WriteProgress(TakeProgress(progress.ActivityId)));
        }
    }

    /// <summary>Asks the user (or -WhatIf/-Confirm); answered at once on the pipeline thread, else when it next passes.</summary>
    public ValueTask<bool> ShouldProcessAsync(string target, string action) => CallAsync(host => host.ShouldProcess(target, action));

    public ValueTask<PathResolution> ResolvePathAsync(string path, bool literal) => CallAsync(host => host.ResolvePath(path, literal));

    public ValueTask<string> CurrentDirectoryAsync() => CallAsync(host => host.CurrentDirectory);

    /// <summary>The pipeline thread enters a step: calls it makes from now on go straight to the host.</summary>
    public void Enter() => _stepThread = Environment.CurrentManagedThreadId;

    /// <summary>The step returns to PowerShell: every call is queued until the next step.</summary>
    public void Exit() => _stepThread = NoThread;

    /// <summary>Delivers everything queued so far, without waiting for more.</summary>
    public void FlushReady()
    {
        while (_queue.TryDequeue(out var call))
        {
            call(_host);
        }
    }

    /// <summary>Delivers queued calls as they come until <paramref name="work"/> ends (it is observed by the caller).</summary>
    public void DrainUntil(Task work)
    {
        work.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_wake);
        DrainUntil(() => work.IsCompleted);
    }

    /// <summary>Delivers queued calls as they come until every piece of background work has ended and been observed.</summary>
    public void DrainBackground() => DrainUntil(() => !HasBackgroundWork);

    /// <summary>
    /// Work that may outlive the step that started it (a wait session, a batch). When it fails, its exception is
    /// rethrown on the pipeline thread after the writes it made, at the next delivery.
    /// </summary>
    public void Track(Task work)
    {
        Interlocked.Increment(ref _running);
        work.ContinueWith(
            static (ended, state) => ((InvocationPump)state!).Ended(ended),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The invocation is over (ended, stopped or failed): calls made from now on throw OperationCanceledException.</summary>
    public void Close()
    {
        _closed = true;
        _queue.Clear();
        _ready.Set();
    }

    private void DrainUntil(Func<bool> done)
    {
        while (true)
        {
            FlushReady();
            if (done())
            {
                // What the work queued before it ended.
                FlushReady();
                return;
            }

            _ready.Reset();
            if (!_queue.IsEmpty || done())
            {
                continue;
            }

            // Ctrl+C (StopProcessing cancels the token) wakes this at once.
            _ready.Wait(_stopping);
        }
    }

    private void Ended(Task work)
    {
        // Reading the exception observes it, also when nobody is left to tell (the invocation stopped or failed first).
        if (!work.IsCompletedSuccessfully)
        {
            var failure = ExceptionDispatchInfo.Capture(work.Exception?.InnerException ?? new OperationCanceledException(Messages.InvocationEnded, _stopping));
            if (!_closed)
            {
                _queue.Enqueue(_ => failure.Throw());
            }
        }

        Interlocked.Decrement(ref _running);
        _ready.Set();
    }

    private ProgressUpdate TakeProgress(int activityId)
    {
        lock (_progressGate)
        {
            _pendingProgress.Remove(activityId, out var latest);
            return latest!;
        }
    }

    /// <summary>Straight to the host on the pipeline thread (after what was queued before), else queued.</summary>
    private void Deliver(Action<ICommandHost> call)
    {
        if (OnPipelineThread)
        {
            FlushReady();
            call(_host);
        }
        else
        {
            Post(call);
        }
    }

    private void Post(Action<ICommandHost> call)
    {
        if (_closed)
        {
            throw new OperationCanceledException(Messages.InvocationEnded, _stopping);
        }

        _queue.Enqueue(call);
        _ready.Set();
    }

    private ValueTask<T> CallAsync<T>(Func<ICommandHost, T> call)
    {
        if (OnPipelineThread)
        {
            FlushReady();
            return new ValueTask<T>(call(_host));
        }

        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(host =>
        {
            try
            {
                answer.SetResult(call(host));
            }
            catch (Exception ex)
            {
                answer.SetException(ex);
                throw;
            }
        });
        return new ValueTask<T>(answer.Task.WaitAsync(_stopping));
    }
}
