using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class AsyncCmdletTests
{
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

    [Theory]
    [InlineData(true, "done")]
    [InlineData(false, "skipped")]
    public void ShouldProcess_answers_reach_the_async_work(bool approve, string expected)
    {
        using var cmdlet = new ProbeCmdlet((shell, ct) =>
        {
            shell.WriteObject(shell.ShouldProcess("rec.wav", "Start job") ? "done" : "skipped");
            return Task.CompletedTask;
        });
        var host = CmdletRunner.Run(cmdlet, new RecordingHost { Approve = approve });

        Assert.Equal([expected], host.Objects);
        Assert.Equal([("rec.wav", "Start job")], host.ShouldProcessCalls);
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
        using var cmdlet = new ProbeCmdlet((shell, ct) => throw new TerminatingCommandException(error));

        var thrown = Assert.Throws<RecordedTerminatingError>(() => CmdletRunner.Run(cmdlet, new RecordingHost()));

        Assert.Same(error, thrown.Error);
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
            shell.WriteObject("first");
            await Task.Delay(Timeout.Infinite, ct);
        });

        Assert.Throws<RefusedWriteException>(() => CmdletRunner.Run(cmdlet, new RefusingHost()));
        Assert.True(cmdlet.StopToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Work_that_outlives_its_step_gets_OperationCanceled_and_never_reaches_the_host()
    {
        using var stepEnded = new ManualResetEventSlim();
        var lateCalls = new TaskCompletionSource<(Exception? Captured, Exception? ViaShell)>(TaskCreationOptions.RunContinuationsAsynchronously);
        ProbeCmdlet? cmdlet = null;
        cmdlet = new ProbeCmdlet(async (shell, ct) =>
        {
            // Refused on the pipeline thread: the step ends while this work (which ignores the token) goes on.
            shell.WriteObject("first");
            await Task.Run(stepEnded.Wait, CancellationToken.None);
            lateCalls.SetResult((Catch(() => shell.WriteVerbose("late")), Catch(() => cmdlet!.Shell.WriteVerbose("late"))));
        });
        var host = new RefusingHost();

        Assert.Throws<RefusedWriteException>(() => CmdletRunner.Run(cmdlet, host));
        stepEnded.Set();
        var (captured, viaShell) = await lateCalls.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsAssignableFrom<OperationCanceledException>(captured);
        Assert.IsAssignableFrom<OperationCanceledException>(viaShell);
        Assert.Empty(host.Inner.Verbose);
        cmdlet.Dispose();
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

    private sealed class ProbeCmdlet(Func<ICommandHost, CancellationToken, Task> work) : AsyncCmdlet
    {
        private protected override Task ProcessAsync(CancellationToken cancellationToken) => work(Shell, cancellationToken);
    }
}
