using System.Diagnostics;
using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class AsyncCmdletTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public void Writes_from_async_work_reach_the_host_in_order_on_the_pipeline_thread()
    {
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Task.Yield();
                shell.WriteObject(i);
                shell.WriteVerbose($"wrote {i}");
            }
        });
        var host = CmdletRunner.Run(cmdlet, new RecordingHost());

        Assert.Equal(Enumerable.Range(0, 20).Cast<object?>(), host.Objects);
        Assert.Equal(20, host.Verbose.Count);
        Assert.Equal([Environment.CurrentManagedThreadId], host.CallingThreads);
    }

    [Fact]
    public void Work_that_completes_synchronously_runs_on_the_pipeline_thread_and_writes_straight_through()
    {
        var host = new RecordingHost();
        var seenDuringTheCall = new List<int>();
        var threads = new List<int>();
        using var cmdlet = new ProbeCmdlet((shell, ct) =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            shell.WriteObject("item");
            seenDuringTheCall.Add(host.Objects.Count);
            return Task.CompletedTask;
        });

        CmdletRunner.Run(cmdlet, host, c => { }, c => { }, c => { });

        Assert.Equal([1, 2, 3], seenDuringTheCall);
        Assert.Equal([Environment.CurrentManagedThreadId], threads.Distinct());
    }

    [Theory]
    [InlineData(true, "done")]
    [InlineData(false, "skipped")]
    public void ShouldProcess_answers_reach_the_async_work(bool approve, string expected)
    {
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            shell.WriteObject(await shell.ShouldProcessAsync("rec.wav", "Start job") ? "done" : "skipped");
        });
        var host = CmdletRunner.Run(cmdlet, new RecordingHost { Approve = approve });

        Assert.Equal([expected], host.Objects);
        Assert.Equal([("rec.wav", "Start job")], host.ShouldProcessCalls);
    }

    [Fact]
    public void A_prompt_from_a_pool_thread_returns_at_once_and_is_answered_on_the_pipeline_thread_after_earlier_writes()
    {
        bool? answeredBeforeReturning = null;
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            await Task.Yield();
            shell.WriteVerbose("planned");
            var answer = shell.ShouldProcessAsync("rec.wav", "Start job");

            // Not answered yet: the pool thread that asked is free, not blocked waiting for the pipeline thread.
            answeredBeforeReturning = answer.IsCompleted;
            shell.WriteObject(await answer);
        });
        var host = CmdletRunner.Run(cmdlet, new RecordingHost());

        Assert.False(answeredBeforeReturning);
        Assert.Equal([true], host.Objects);
        Assert.Equal(["planned"], host.Verbose);
        Assert.Equal([Environment.CurrentManagedThreadId], host.CallingThreads);
    }

    [Fact]
    public async Task Stop_cancels_the_token_the_running_work_holds_and_the_step_returns()
    {
        using var started = new ManualResetEventSlim();
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            started.Set();
            await Task.Delay(Timeout.Infinite, ct);
            shell.WriteObject("not reached");
        });
        cmdlet.OuterHost = new RecordingHost();
        var stopper = Task.Run(() =>
        {
            started.Wait();
            cmdlet.Stop();
        });

        cmdlet.RunProcess();
        await stopper;

        Assert.True(cmdlet.StopToken.IsCancellationRequested);
        Assert.Empty(((RecordingHost)cmdlet.OuterHost).Objects);
    }

    [Fact]
    public void A_terminating_error_raised_by_async_work_is_thrown_through_the_host()
    {
        var error = CommandErrors.InvalidParameters("Use -Path or -MediaUri.", "NoMedia", "x");
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            await Task.Yield();
            throw new TerminatingCommandException(error);
        });

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost()));

        Assert.Same(error, thrown.Error);
        Assert.True(cmdlet.StopToken.IsCancellationRequested);
    }

    [Fact]
    public void An_unhandled_service_failure_becomes_one_terminating_error_with_its_category()
    {
        using var cmdlet = new ProbeCmdlet((shell, ct) =>
            throw new TranscribeException(AwsErrorKind.CredentialsMissing, "No AWS credentials were found."));

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost()));

        Assert.Equal("TranscribeCredentialsMissing", thrown.Error.ErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, thrown.Error.Category);
        Assert.Equal("No AWS credentials were found.", thrown.Error.Message);
    }

    [Fact]
    public void A_write_refused_on_the_pipeline_thread_propagates_unchanged_and_cancels_the_work()
    {
        using var cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            await Task.Yield();
            shell.WriteObject("first");
            await Task.Delay(Timeout.Infinite, ct);
        });

        Assert.Throws<RefusedWriteException>(() => CmdletRunner.Run(cmdlet, new RefusingHost()));
        Assert.True(cmdlet.StopToken.IsCancellationRequested);
    }

    [Fact]
    public void Background_work_outlives_its_record_and_its_writes_come_out_at_the_next_steps_in_order()
    {
        var host = new RecordingHost();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var firstWritten = new ManualResetEventSlim();
        using var cmdlet = new ProbeCmdlet((shell, ct) => Task.CompletedTask)
        {
            OnBegin = (cmdlet, shell) => cmdlet.Background(async ct =>
            {
                shell.WriteObject("early");
                firstWritten.Set();
                await release.Task.WaitAsync(ct);
                shell.WriteObject("late");
            }),
        };
        cmdlet.OuterHost = host;

        cmdlet.RunBegin();
        Assert.True(firstWritten.Wait(Guard));
        cmdlet.RunProcess();
        var afterRecord = host.Objects.ToList();
        release.SetResult();
        cmdlet.RunEnd();

        Assert.Equal(["early"], afterRecord);
        Assert.Equal(["early", "late"], host.Objects);
        Assert.Equal([Environment.CurrentManagedThreadId], host.CallingThreads);
    }

    [Fact]
    public void A_background_failure_terminates_the_cmdlet_after_the_writes_made_before_it()
    {
        var host = new RecordingHost();
        var error = CommandErrors.InvalidParameters("The wait cannot go on.", "WaitBroken", null);
        using var cmdlet = new ProbeCmdlet((shell, ct) => Task.CompletedTask)
        {
            OnBegin = (cmdlet, shell) => cmdlet.Background(async ct =>
            {
                await Task.Yield();
                shell.WriteObject("before");
                throw new TerminatingCommandException(error);
            }),
        };

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, host));

        Assert.Same(error, thrown.Error);
        Assert.Equal(["before"], host.Objects);
    }

    [Fact]
    public async Task After_a_refused_write_background_work_is_cancelled_and_its_later_calls_never_reach_the_host()
    {
        var late = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var running = new ManualResetEventSlim();
        var host = new RefusingHost();
        using var cmdlet = new ProbeCmdlet((shell, ct) =>
        {
            shell.WriteObject("refused");
            return Task.CompletedTask;
        })
        {
            OnBegin = (cmdlet, shell) => cmdlet.Background(async ct =>
            {
                running.Set();

                // Ignores the token on purpose: a write after the refusal must still be turned away.
                await refused.Task;
                late.SetResult(Catch(() => shell.WriteVerbose("late")));
            }),
        };
        cmdlet.OuterHost = host;
        cmdlet.RunBegin();
        Assert.True(running.Wait(Guard));

        Assert.Throws<RefusedWriteException>(cmdlet.RunProcess);
        refused.SetResult();

        Assert.IsAssignableFrom<OperationCanceledException>(await late.Task.WaitAsync(Guard));
        Assert.True(cmdlet.StopToken.IsCancellationRequested);
        Assert.Empty(host.Inner.Verbose);
    }

    [Fact]
    public void Progress_from_work_off_the_pipeline_thread_comes_out_as_its_latest_state_not_a_backlog()
    {
        var host = new RecordingHost();
        var beginReturned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cmdlet = new ProbeCmdlet((shell, ct) => Task.CompletedTask)
        {
            OnBegin = (cmdlet, shell) => cmdlet.Background(async ct =>
            {
                // Between steps, as when the upstream command is busy: nothing can be delivered until the next one.
                await beginReturned.Task;
                for (var i = 1; i <= 100; i++)
                {
                    shell.WriteProgress(new ProgressUpdate(7, "Waiting", $"{i} s elapsed"));
                }

                shell.WriteObject("done");
            }),
        };
        cmdlet.OuterHost = host;

        cmdlet.RunBegin();
        beginReturned.SetResult();
        Assert.True(SpinWait.SpinUntil(() => !cmdlet.Shell.HasBackgroundWork, Guard));
        cmdlet.RunEnd();

        Assert.Equal(["100 s elapsed"], host.Progress.Select(p => p.Status));
        Assert.Equal(["done"], host.Objects);
    }

    [Fact]
    public void Stop_ends_EndProcessing_at_once_while_it_waits_for_background_work()
    {
        var host = new RecordingHost();
        using var started = new ManualResetEventSlim();
        using var cmdlet = new ProbeCmdlet((shell, ct) => Task.CompletedTask)
        {
            OnBegin = (cmdlet, shell) => cmdlet.Background(async ct =>
            {
                started.Set();
                await Task.Delay(TimeSpan.FromHours(1), ct);
            }),
        };
        cmdlet.OuterHost = host;
        cmdlet.RunBegin();
        Assert.True(started.Wait(Guard));
        var clock = new Stopwatch();
        _ = Task.Run(async () =>
        {
            await Task.Delay(200);
            clock.Start();
            cmdlet.Stop();
        });

        cmdlet.RunEnd();
        clock.Stop();

        Assert.True(cmdlet.StopToken.IsCancellationRequested);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"EndProcessing returned {clock.Elapsed} after Stop");
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    private sealed class RefusedWriteException : Exception;

    /// <summary>Stands in for PowerShell refusing a write once the pipeline is stopping.</summary>
    private sealed class RefusingHost : ICommandHost
    {
        private readonly RecordingHost _inner = new();

        public RecordingHost Inner => _inner;

        public string ParameterSetName => _inner.ParameterSetName;

        public string CurrentDirectory => _inner.CurrentDirectory;

        public void WriteObject(object? value) => throw new RefusedWriteException();

        public void WriteFile(string path) => throw new RefusedWriteException();

        public void WriteError(CommandError error) => _inner.WriteError(error);

        public void WriteWarning(string text) => _inner.WriteWarning(text);

        public void WriteVerbose(string text) => _inner.WriteVerbose(text);

        public void WriteDebug(string text) => _inner.WriteDebug(text);

        public void WriteProgress(ProgressUpdate progress) => _inner.WriteProgress(progress);

        public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);

        public bool WhatIf => _inner.WhatIf;

        public PathResolution ResolvePath(string path, bool literal) => _inner.ResolvePath(path, literal);

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void ThrowTerminatingError(CommandError error) => _inner.ThrowTerminatingError(error);
    }

    private sealed class ProbeCmdlet(Func<InvocationPump, CancellationToken, Task> work) : AsyncCmdlet
    {
        public Action<ProbeCmdlet, InvocationPump>? OnBegin { get; init; }

        public void Background(Func<CancellationToken, Task> background) => StartBackground(background);

        private protected override Task BeginAsync(CancellationToken cancellationToken)
        {
            OnBegin?.Invoke(this, Shell);
            return Task.CompletedTask;
        }

        private protected override Task ProcessAsync(CancellationToken cancellationToken) => work(Shell, cancellationToken);
    }
}
