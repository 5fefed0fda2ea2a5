using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>
/// Waits for any number of Transcribe jobs of any kinds at once and emits each the moment it is seen finished.
/// One instance may serve many waits, one after another or side by side; each wait paces its own calls.
/// </summary>
public sealed class JobWaiter
{
    private readonly ITranscribeJobs _jobs;
    private readonly TimeProvider _clock;
    private readonly Random _random;

    /// <param name="jobs">The service operations.</param>
    /// <param name="timeProvider">The clock for deadlines, gaps and pacing; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="random">The source of jitter; <see cref="Random.Shared"/> when null. Tests pass a seeded one.</param>
    public JobWaiter(ITranscribeJobs jobs, TimeProvider? timeProvider = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _jobs = jobs;
        _clock = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared;
    }

    /// <summary>
    /// Waits for the jobs and streams one <see cref="WaitResult"/> per distinct job (kind and name): Completed or
    /// Failed as soon as a poll sees it, NotFound when the job vanished, TimedOut for each job still unfinished at
    /// the deadline. Jobs that already say how they ended come out first, without a call when they carry what a
    /// finished job needs. Throttling and transient service faults slow the wait down instead of ending it; other
    /// service errors end it with their <see cref="Aws.TranscribeException"/>. Cancelling throws
    /// <see cref="OperationCanceledException"/> promptly, from any call or gap.
    /// </summary>
    /// <exception cref="ArgumentException">The options cannot work or a job has no name (thrown at the call).</exception>
    public IAsyncEnumerable<WaitResult> WaitAsync(IEnumerable<TranscriptionJob> jobs, WaitOptions options, IProgress<WaitProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return Start(jobs, options, progress, cancellationToken);
    }

    /// <summary>
    /// Opens a wait that jobs join while it runs (a cmdlet adds each job as the pipeline hands it over). Nothing is
    /// called until <see cref="WaitSession.RunAsync"/> runs.
    /// </summary>
    /// <param name="options">How long and how often to poll.</param>
    /// <param name="progress">Receives the wait's state whenever it changes, on the thread that runs the wait.</param>
    /// <exception cref="ArgumentException">The options cannot work.</exception>
    public WaitSession Open(WaitOptions options, IProgress<WaitProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new WaitSession(_jobs, _clock, _random, options, progress);
    }

    private IAsyncEnumerable<WaitResult> Start(IEnumerable<TranscriptionJob> jobs, WaitOptions options, IProgress<WaitProgress>? progress, CancellationToken cancellationToken)
    {
        var session = Open(options, progress);
        foreach (var job in jobs)
        {
            session.Add(job);
        }

        session.CompleteAdding();
        return session.RunAsync(cancellationToken);
    }
}
