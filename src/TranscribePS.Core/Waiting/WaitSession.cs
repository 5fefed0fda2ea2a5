using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Waiting;

/// <summary>The state and loop of one wait started by <see cref="JobWaiter"/>.</summary>
internal sealed class WaitSession
{
    private static readonly JobStatus[] FinishedStatuses = [JobStatus.Completed, JobStatus.Failed];

    /// <summary>
    /// Service faults in a row (each ending a cycle, with the gap growing) after which the wait gives up: an endpoint
    /// that never answers should fail the run within minutes, not surface as timeouts hours later.
    /// </summary>
    private const int MaxFaultStreak = 5;

    private readonly ITranscribeJobs _jobs;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly WaitOptions _options;
    private readonly IProgress<WaitProgress>? _progress;
    private readonly CallPacer _getPacer;
    private readonly CallPacer _listPacer;
    private readonly List<TrackedJob> _pending = [];
    private readonly Dictionary<JobKind, int> _listPages = [];
    private DateTimeOffset _started;
    private DateTimeOffset _deadline;
    private int _total;
    private int _completed;
    private int _failed;
    private int _notFound;
    private int _timedOut;
    private int _faultStreak;

    public WaitSession(ITranscribeJobs jobs, TimeProvider clock, Random random, WaitOptions options, IProgress<WaitProgress>? progress)
    {
        _jobs = jobs;
        _clock = clock;
        _random = random;
        _options = options;
        _progress = progress;
        _getPacer = new CallPacer(options.MaxGetCallsPerSecond, clock);
        _listPacer = new CallPacer(options.MaxListCallsPerSecond, clock);
    }

    private enum PollResult
    {
        Running,
        Finished,
        Vanished,
        Throttled,
    }

    private bool PastDeadline => _clock.GetUtcNow() >= _deadline;

    public async IAsyncEnumerable<WaitResult> RunAsync(IReadOnlyList<TrackedJob> jobs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            yield break;
        }

        _started = _clock.GetUtcNow();
        _deadline = _options.HasDeadline ? _started + _options.Timeout : DateTimeOffset.MaxValue;
        _total = jobs.Count;
        Report();

        foreach (var job in jobs)
        {
            if (IsFinishedWithDetails(job.Input))
            {
                yield return Leave(job, job.Input.Status == JobStatus.Completed ? WaitOutcome.Completed : WaitOutcome.Failed, job.Input);
            }
            else
            {
                // A finished input without its output URIs or reason is read once before it is emitted.
                job.FinishHinted = job.Input.Status.IsFinished();
                _pending.Add(job);
            }
        }

        TimeSpan? interval = null;
        while (_pending.Count > 0 && !PastDeadline)
        {
            var outcome = CycleOutcome.Quiet;
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
                    if (PastDeadline)
                    {
                        break;
                    }

                    var result = await PollAsync(job, cancellationToken).ConfigureAwait(false);
                    if (result == PollResult.Throttled)
                    {
                        outcome = CycleOutcome.Throttled;
                        break;
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

                if (outcome == CycleOutcome.Throttled || PastDeadline)
                {
                    break;
                }
            }

            if (_pending.Count == 0 || PastDeadline)
            {
                break;
            }

            // The first gap is the poll interval as given, unless the very first cycle was already throttled.
            interval = interval is { } last ? WaitPlanner.NextInterval(last, outcome, _options)
                : outcome == CycleOutcome.Throttled ? WaitPlanner.NextInterval(_options.PollInterval, outcome, _options)
                : _options.PollInterval;
            var gap = WaitPlanner.Jittered(interval.Value, _options.Jitter, _random.NextDouble());
            var untilDeadline = _deadline - _clock.GetUtcNow();
            var delay = gap < untilDeadline ? gap : untilDeadline;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay.RoundUpToMilliseconds(), _clock, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var job in _pending.OrderBy(j => j.Order).ToList())
        {
            yield return Leave(job, WaitOutcome.TimedOut, job.Latest);
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
        await _getPacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        TranscriptionJob latest;
        try
        {
            latest = await _jobs.GetAsync(job.Kind, job.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (TranscribeException ex) when (ex.Kind == AwsErrorKind.NotFound)
        {
            _faultStreak = 0;
            job.LastRead = _clock.GetUtcNow();
            job.NotFoundStrikes++;
            return job.NotFoundStrikes >= 2 ? PollResult.Vanished : PollResult.Running;
        }
        catch (TranscribeException ex) when (IsTransient(ex))
        {
            CountFault(ex);
            return PollResult.Throttled;
        }

        _faultStreak = 0;
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
            CountFault(ex);
            return false;
        }

        _faultStreak = 0;
        _listPages[kind] = Math.Max(1, pages);
        return true;
    }

    /// <summary>Throttling proves the service is there and never ends the wait; a long run of faults does.</summary>
    private void CountFault(TranscribeException ex)
    {
        if (ex.Kind != AwsErrorKind.ServiceFault)
        {
            _faultStreak = 0;
        }
        else if (++_faultStreak >= MaxFaultStreak)
        {
            ExceptionDispatchInfo.Throw(ex);
        }
    }

    private WaitResult Leave(TrackedJob job, WaitOutcome outcome, TranscriptionJob state)
    {
        _pending.Remove(job);
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
            Job = state,
            Message = outcome switch
            {
                WaitOutcome.Failed => Messages.JobFailed(job.Name, state.FailureReason),
                WaitOutcome.NotFound => Messages.JobNotFound(job.Name, [job.Kind], job.Input.Region),
                WaitOutcome.TimedOut => Messages.WaitJobTimedOut(job.Name, job.LastRead is null ? null : state.Status, _options.Timeout),
                _ => Messages.WaitJobCompleted(job.Name),
            },
            Elapsed = _clock.GetUtcNow() - _started,
        };
    }

    private void Report() => _progress?.Report(new WaitProgress
    {
        Total = _total,
        Completed = _completed,
        Failed = _failed,
        NotFound = _notFound,
        TimedOut = _timedOut,
        Elapsed = _clock.GetUtcNow() - _started,
    });
}
