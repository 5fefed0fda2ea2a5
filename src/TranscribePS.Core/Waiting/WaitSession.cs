using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>
/// One wait that jobs join while it runs: a cmdlet adds each job the moment it gets it (<see cref="Add"/>, from any
/// thread), says when no more will come (<see cref="CompleteAdding"/>), and reads each job's outcome from
/// <see cref="RunAsync"/> the moment it is known. Each job is waited for at most <see cref="WaitOptions.Timeout"/>
/// from the moment it joined. Opened by <see cref="JobWaiter.Open"/>.
/// </summary>
public sealed class WaitSession
{
    private static readonly JobStatus[] FinishedStatuses = [JobStatus.Completed, JobStatus.Failed];

    private readonly ITranscribeJobs _jobs;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly WaitOptions _options;
    private readonly IProgress<WaitProgress>? _progress;
    /// <summary>One Get pace per kind: each kind's Get is its own operation with its own quota.</summary>
    private readonly Dictionary<JobKind, CallPacer> _getPacers;
    private readonly CallPacer _listPacer;

    // Shared with the threads that add jobs; guarded by _gate.
    private readonly object _gate = new();
    private readonly List<TrackedJob> _arrivals = [];
    private readonly HashSet<(JobKind, string)> _seen = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _addingCompleted;
    private int _order;
    private int _runs;

    // Owned by the loop in RunAsync.
    private readonly List<TrackedJob> _all = [];
    private readonly List<TrackedJob> _pending = [];
    private readonly Dictionary<JobKind, int> _listPages = [];
    private DateTimeOffset _started;
    private DateTimeOffset? _nextCycle;
    private int _completed;
    private int _failed;
    private int _notFound;
    private int _timedOut;
    private int _abandoned;

    /// <summary>An error waiting cannot fix, met by a call of the last cycle: every job still pending leaves with it.</summary>
    private TranscribeException? _stop;

    internal WaitSession(ITranscribeJobs jobs, TimeProvider clock, Random random, WaitOptions options, IProgress<WaitProgress>? progress)
    {
        _jobs = jobs;
        _clock = clock;
        _random = random;
        _options = options;
        _progress = progress;
        _getPacers = Enum.GetValues<JobKind>().ToDictionary(k => k, k => new CallPacer(options.GetCallsPerSecond(k), clock));
        _listPacer = new CallPacer(options.MaxListCallsPerSecond, clock);
    }

    private enum PollResult
    {
        Running,
        Finished,
        Vanished,
        Throttled,

        /// <summary>A service fault (5xx, dropped connection): this job is read again next cycle, the others now.</summary>
        Faulted,
    }

    /// <summary>
    /// Adds a job to the wait; the same job (kind and name) added twice is waited for, and emitted, once. A job that
    /// already says how it ended comes out at once, without a call when it carries what a finished job needs.
    /// </summary>
    /// <exception cref="ArgumentException">The job has no name.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> was called.</exception>
    public void Add(TranscriptionJob job)
    {
        if (string.IsNullOrEmpty(job?.JobName))
        {
            throw new ArgumentException(Messages.WaitJobNameMissing, nameof(job));
        }

        lock (_gate)
        {
            if (_addingCompleted)
            {
                throw new InvalidOperationException(Messages.WaitSessionClosed);
            }

            if (_seen.Add((job.Kind, job.JobName)))
            {
                _arrivals.Add(new TrackedJob(_order++, job));
                _arrived.TrySetResult();
            }
        }
    }

    /// <summary>No more jobs will come: <see cref="RunAsync"/> ends once every job added has left the wait.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _addingCompleted = true;
            _arrived.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for the jobs and streams one <see cref="WaitResult"/> per distinct job: Completed or Failed as soon as a
    /// poll sees it, NotFound when the job vanished, TimedOut when a job is still unfinished at its deadline. Polls
    /// start as soon as a first job joins; later jobs join the running schedule. Throttling and service faults, however
    /// many in a row, slow the wait down (the gap grows to its ceiling) but never end it: each job still leaves at its
    /// deadline. Another service error (access denied, a bad request) ends the wait, each job still pending leaving
    /// as Abandoned with that error, and so does each job added after it. Cancelling throws <see cref="OperationCanceledException"/> promptly,
    /// from any call or gap. Runs once per session.
    /// </summary>
    public async IAsyncEnumerable<WaitResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _runs) != 1)
        {
            throw new InvalidOperationException(Messages.WaitSessionRunning);
        }

        _started = _clock.GetUtcNow();
        TimeSpan? interval = null;
        while (true)
        {
            var (arrived, addingCompleted, signal) = TakeArrivals();
            if (arrived.Count > 0)
            {
                var joined = _clock.GetUtcNow();
                foreach (var job in arrived)
                {
                    job.Joined = joined;
                    job.Deadline = _options.HasDeadline ? joined + _options.Timeout : DateTimeOffset.MaxValue;
                    _all.Add(job);
                }

                if (_pending.Count == 0)
                {
                    // The first job of an idle wait is read at once, as a fresh wait would.
                    _nextCycle = joined;
                    interval = null;
                }

                var finished = new List<TrackedJob>();
                foreach (var job in arrived)
                {
                    if (IsFinishedWithDetails(job.Input))
                    {
                        finished.Add(job);
                    }
                    else
                    {
                        // A finished input without its output URIs or reason is read once before it is emitted.
                        job.FinishHinted = job.Input.Status.IsFinished();
                        _pending.Add(job);
                    }
                }

                Report();
                foreach (var job in finished)
                {
                    yield return Leave(job, job.Input.Status == JobStatus.Completed ? WaitOutcome.Completed : WaitOutcome.Failed, job.Input);
                }
            }

            if (_stop is { } stop)
            {
                // An error waiting cannot fix was met: every job still pending leaves with it, and so does each job piped
                // in later, without another call; the wait ends when adding does.
                foreach (var job in _pending.OrderBy(j => j.Order).ToList())
                {
                    yield return Leave(job, WaitOutcome.Abandoned, job.Latest, stop);
                }
            }

            foreach (var job in _pending.Where(j => j.Deadline <= _clock.GetUtcNow()).OrderBy(j => j.Order).ToList())
            {
                yield return Leave(job, WaitOutcome.TimedOut, job.Latest);
            }

            if (_pending.Count == 0)
            {
                _nextCycle = null;
                if (addingCompleted)
                {
                    yield break;
                }

                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_nextCycle is { } due && due <= _clock.GetUtcNow())
            {
                var cycleStarted = _clock.GetUtcNow();
                var outcome = CycleOutcome.Quiet;
                var faulted = false;
                foreach (var plan in WaitPlanner.NextCycle(Loads(), _options))
                {
                    var ofKind = _pending.Where(j => j.Kind == plan.Kind).ToList();
                    if (plan.Strategy == PollStrategy.List && !await ListFinishedAsync(plan.Kind, ofKind, cancellationToken).ConfigureAwait(false))
                    {
                        outcome = CycleOutcome.Throttled;
                        break;
                    }

                    foreach (var job in ChooseReads(plan.Strategy, ofKind))
                    {
                        if (job.Deadline <= _clock.GetUtcNow())
                        {
                            continue;
                        }

                        var result = await PollAsync(job, cancellationToken).ConfigureAwait(false);
                        if (result == PollResult.Throttled)
                        {
                            outcome = CycleOutcome.Throttled;
                            break;
                        }

                        if (result == PollResult.Faulted)
                        {
                            // A fault says nothing of the next call: the cycle goes on, and the next gap grows.
                            faulted = true;
                            continue;
                        }

                        if (result == PollResult.Finished)
                        {
                            outcome = CycleOutcome.Progressed;
                            yield return Leave(job, job.Latest.Status == JobStatus.Completed ? WaitOutcome.Completed : WaitOutcome.Failed, job.Latest);
                        }
                        else if (result == PollResult.Vanished)
                        {
                            outcome = CycleOutcome.Progressed;
                            yield return Leave(job, WaitOutcome.NotFound, job.Input);
                        }
                    }

                    if (outcome == CycleOutcome.Throttled)
                    {
                        break;
                    }
                }

                if (faulted && outcome == CycleOutcome.Quiet)
                {
                    outcome = CycleOutcome.Throttled;
                }

                if (_stop is not null)
                {
                    continue;
                }

                // The first gap is the poll interval as given, unless the very first cycle was already throttled.
                interval = interval is { } last ? WaitPlanner.NextInterval(last, outcome, _options)
                    : outcome == CycleOutcome.Throttled ? WaitPlanner.NextInterval(_options.PollInterval, outcome, _options)
                    : _options.PollInterval;
                // The gap counts from the cycle's start: a cycle that spent longer than the gap reading the jobs it found
                // finished (a large batch, at the Get pace) is followed at once, so the Gets never stand idle while jobs
                // wait to be read. After throttling it counts from the end, to back off.
                var gapFrom = outcome == CycleOutcome.Throttled ? _clock.GetUtcNow() : cycleStarted;
                _nextCycle = gapFrom + WaitPlanner.Jittered(interval.Value, _options.Jitter, _random.NextDouble());
                Report();
                continue;
            }

            // Sleep until the next cycle or the first deadline, whichever comes first, or until a job joins.
            var wake = _pending.Min(j => j.Deadline);
            if (_nextCycle is { } next && next < wake)
            {
                wake = next;
            }

            var delay = wake - _clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(Task.Delay(delay.RoundUpToMilliseconds(), _clock, sleeping.Token), signal).ConfigureAwait(false);
                await sleeping.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static bool IsFinishedWithDetails(TranscriptionJob job) => job.Status switch
    {
        JobStatus.Completed => job.Outputs().Count > 0,
        JobStatus.Failed => !string.IsNullOrEmpty(job.FailureReason),
        _ => false,
    };

    /// <summary>
    /// Throttling (LimitExceeded on a read can only mean rate) and service faults (5xx, unreachable endpoint, already
    /// retried by the SDK) slow the wait down instead of ending it.
    /// </summary>
    private static bool IsTransient(TranscribeException ex) =>
        ex.Kind is AwsErrorKind.Throttled or AwsErrorKind.TooManyConcurrentJobs or AwsErrorKind.ServiceFault;

    private IEnumerable<KindLoad> Loads() =>
        _pending
            .GroupBy(j => j.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindLoad(
                g.Key,
                g.Count(),
                g.Count(j => j.NeedsGet),
                _listPages.GetValueOrDefault(g.Key, WaitPlanner.DefaultExpectedListPages)));

    /// <summary>Least recently read first, so a cycle cut short by throttling resumes with the jobs it skipped.</summary>
    private static IEnumerable<TrackedJob> ChooseReads(PollStrategy strategy, List<TrackedJob> ofKind)
    {
        var byAge = ofKind.OrderBy(j => j.LastRead ?? DateTimeOffset.MinValue).ThenBy(j => j.Order).ToList();
        return strategy == PollStrategy.Get
            ? byAge
            : byAge.Where(j => j.NeedsGet).Concat(byAge.Where(j => !j.NeedsGet).Take(WaitPlanner.SpotChecksPerListCycle)).ToList();
    }

    private async Task<PollResult> PollAsync(TrackedJob job, CancellationToken cancellationToken)
    {
        await _getPacers[job.Kind].WaitAsync(cancellationToken).ConfigureAwait(false);
        TranscriptionJob latest;
        try
        {
            latest = await _jobs.GetAsync(job.Kind, job.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
        {
            job.LastRead = _clock.GetUtcNow();
            job.NotFoundStrikes++;
            return job.NotFoundStrikes >= 2 ? PollResult.Vanished : PollResult.Running;
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.ServiceFault)
        {
            return PollResult.Faulted;
        }
        catch (TranscribeException ex) when (IsTransient(ex))
        {
            return PollResult.Throttled;
        }
        catch (TranscribeException ex)
        {
            _stop = ex;
            return PollResult.Throttled;
        }

        job.LastRead = _clock.GetUtcNow();
        job.NotFoundStrikes = 0;
        job.Latest = latest;
        job.CreationTime ??= latest.CreationTime;

        // A job the List saw finished stays hinted while Get still reports it running: the next cycle reads it again.
        return latest.Status.IsFinished() ? PollResult.Finished : PollResult.Running;
    }

    /// <summary>
    /// Lists the kind's COMPLETED and FAILED jobs newest first and marks the pending ones it meets as finished.
    /// Paging stops once every sought job is found or the listing reaches jobs created before the oldest of them.
    /// Returns false when the service throttled the listing.
    /// </summary>
    private async Task<bool> ListFinishedAsync(JobKind kind, List<TrackedJob> ofKind, CancellationToken cancellationToken)
    {
        var sought = ofKind.Where(j => !j.NeedsGet).ToDictionary(j => j.Name, StringComparer.Ordinal);
        if (sought.Count == 0)
        {
            return true;
        }

        var oldest = sought.Values.Min(j => j.CreationTime!.Value);
        var filter = WaitPlanner.CommonNameFragment(sought.Keys);
        var pages = 0;
        try
        {
            foreach (var status in FinishedStatuses)
            {
                if (sought.Count == 0)
                {
                    break;
                }

                var seen = 0;
                var items = _jobs.ListAsync(kind, status, filter, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false);
                await using var page = items.GetAsyncEnumerator();
                while (true)
                {
                    // ListAsync fetches a page of ListPageSize whenever the previous one is used up: pace each fetch.
                    if (seen % WaitPlanner.ListPageSize == 0)
                    {
                        await _listPacer.WaitAsync(cancellationToken).ConfigureAwait(false);
                        pages++;
                    }

                    if (!await page.MoveNextAsync())
                    {
                        break;
                    }

                    seen++;
                    var summary = page.Current;
                    if (summary.CreationTime is { } created && created < oldest)
                    {
                        break;
                    }

                    if (sought.Remove(summary.JobName, out var found))
                    {
                        found.FinishHinted = true;
                        if (sought.Count == 0)
                        {
                            break;
                        }
                    }
                }
            }
        }
        catch (TranscribeException ex) when (IsTransient(ex))
        {
            return false;
        }
        catch (TranscribeException ex)
        {
            _stop = ex;
            return false;
        }

        _listPages[kind] = Math.Max(1, pages);
        return true;
    }

    private WaitResult Leave(TrackedJob job, WaitOutcome outcome, TranscriptionJob state, TranscribeException? error = null)
    {
        _pending.Remove(job);
        job.Outcome = outcome;
        switch (outcome)
        {
            case WaitOutcome.Completed:
                _completed++;
                break;
            case WaitOutcome.Failed:
                _failed++;
                break;
            case WaitOutcome.NotFound:
                _notFound++;
                break;
            case WaitOutcome.Abandoned:
                _abandoned++;
                break;
            default:
                _timedOut++;
                break;
        }

        Report();
        return new WaitResult
        {
            Outcome = outcome,
            Kind = job.Kind,
            JobName = job.Name,
            // A job read again from the service keeps the local recording it was started for.
            Job = job.Input.LocalPath is { } localPath ? state with { LocalPath = localPath } : state,
            Message = outcome switch
            {
                WaitOutcome.Failed => Messages.JobFailed(job.Name, state.FailureReason),
                WaitOutcome.NotFound => Messages.JobNotFound(job.Name, [job.Kind], job.Input.Region),
                WaitOutcome.TimedOut => Messages.WaitJobTimedOut(job.Name, job.LastRead is null ? null : state.Status, _options.Timeout),
                WaitOutcome.Abandoned => Messages.WaitJobAbandoned(job.Name, error!.Message),
                _ => Messages.WaitJobCompleted(job.Name),
            },
            Elapsed = _clock.GetUtcNow() - job.Joined,
            Error = error,
        };
    }

    /// <summary>Takes the jobs added since the last call, and the signal the next addition (or the end of adding) sets.</summary>
    private (List<TrackedJob> Jobs, bool AddingCompleted, Task Signal) TakeArrivals()
    {
        lock (_gate)
        {
            var jobs = _arrivals.ToList();
            _arrivals.Clear();
            if (_arrived.Task.IsCompleted)
            {
                _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return (jobs, _addingCompleted, _arrived.Task);
        }
    }

    private void Report()
    {
        if (_progress is null)
        {
            return;
        }

        // A job whose finish is known but not yet emitted counts as in progress.
        var waiting = _all.Where(j => j.Outcome is null).ToList();
        var queued = waiting.Count(j => j.Latest.Status == JobStatus.Queued);
        _progress.Report(new WaitProgress
        {
            Total = _all.Count,
            Queued = queued,
            InProgress = waiting.Count - queued,
            Completed = _completed,
            Failed = _failed,
            NotFound = _notFound,
            TimedOut = _timedOut,
            Abandoned = _abandoned,
            Started = _started,
            Elapsed = _clock.GetUtcNow() - _started,
            NextCheck = _pending.Count == 0 ? null : _nextCycle,
            Jobs = _all.Count > WaitProgress.JobDetailLimit ? [] : _all.Select(j => new WaitingJob(j.Kind, j.Name, j.Latest.Status, j.Outcome)).ToList(),
        });
    }
}
