using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Core.Submission;

/// <summary>A Start waiting for a slot in the account's concurrent-job window.</summary>
/// <param name="Kind">The kind of job.</param>
/// <param name="Running">Jobs of the kind the service counts as QUEUED or IN_PROGRESS, at the last count.</param>
/// <param name="Limit">The window: -MaxConcurrentJobs, or what the service allowed when it answered "too many jobs".</param>
/// <param name="Waiting">False once a slot came free (the waiting is over).</param>
public sealed record SlotWait(JobKind Kind, int Running, int Limit, bool Waiting);

/// <summary>
/// The account's concurrent-job quota of one kind as a window: a Start goes out only while, by the window's estimate,
/// fewer jobs than the limit are QUEUED or IN_PROGRESS. The estimate is the service's count (List IN_PROGRESS and
/// QUEUED, so several processes or machines feeding one account share the quota without a coordinator) plus the
/// Starts this batch made since. The service is counted only when a Start is about to go out and then only:
/// <list type="bullet">
/// <item>once, at the <see cref="SubmissionOptions.WindowCountFrom"/>th Start of the batch (or the limit's, when lower):
/// a run of a few Starts or a rerun that starts nothing costs no List, and a batch that listed its jobs to check
/// existence takes the count from that listing (no request at all);</item>
/// <item>again while the estimate says the window is full, every <see cref="SubmissionOptions.SlotRecheck"/>, until a
/// slot frees (the batch does not see jobs end, so a full window is how it learns);</item>
/// <item>when the service answers "too many jobs" (another runner took the slots, or the quota is lower than the
/// window): the window lowers to what the service allowed and waits like a full one. Never a failure.</item>
/// </list>
/// </summary>
/// <param name="listedRunning">The running jobs of the kind in the batch's existence listing, when it made one
/// (see <see cref="JobDirectory.ListedRunningAsync"/>): the first count then costs no request.</param>
internal sealed class JobWindow(JobKind kind, int limit, Func<Task<int?>> listedRunning, ITranscribeJobs jobs, CallPacer listPacer, ServiceRetry retry, SubmissionOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly int _configured = limit;
    private int _limit = limit;

    /// <summary>The most jobs the service was seen running when it refused a Start: the account's quota, as far as known.</summary>
    private int _learned;

    /// <summary>The service's answer at the last count, for the progress bar (the estimate also holds Starts on their way).</summary>
    private int _lastCount;
    private int _estimate;
    private bool _counted;

    /// <summary>Counts made so far: a refusal of a Start that went out before the latest count needs no count of its own.</summary>
    private int _generation;
    private int _inFlight;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;
    private readonly object _gate = new();

    public IProgress<SlotWait>? Progress { get; set; }

    /// <summary>Returns once a Start may go out; the slot is taken in the estimate. Then exactly one of <see cref="Started"/>, <see cref="Failed"/> or <see cref="RefusedAsync"/> (with the ticket).</summary>
    public async Task<int> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_counted && _estimate + 1 >= Math.Min(options.WindowCountFrom, _limit))
            {
                if (await listedRunning().ConfigureAwait(false) is int listed)
                {
                    // Our own Starts so far may be in the listing too and are counted twice: the safe side, and a
                    // window that looks full is counted from the service before anything waits.
                    lock (_gate)
                    {
                        _estimate += listed;
                        _counted = true;
                        _generation++;
                    }
                }
                else
                {
                    await CountAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            bool waited = false;
            while (_estimate >= _limit)
            {
                // Full by the estimate: the batch does not see jobs end, the service's count does. Counted at most
                // once a recheck interval, so a full window costs a few Lists, not a storm.
                var due = _countedAt + options.SlotRecheck - clock.GetUtcNow();
                if (due > TimeSpan.Zero)
                {
                    waited = true;
                    Progress?.Report(new SlotWait(kind, _lastCount, _limit, Waiting: true));
                    await Task.Delay(due, clock, cancellationToken).ConfigureAwait(false);
                }

                await CountAsync(cancellationToken).ConfigureAwait(false);
            }

            if (waited)
            {
                Progress?.Report(new SlotWait(kind, _lastCount, _limit, Waiting: false));
            }

            lock (_gate)
            {
                _estimate++;
                _inFlight++;
                return _generation;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The Start made a job (or found one of its name): it stays in the estimate.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    /// <summary>The Start did not make a job (it failed): its slot is free again.</summary>
    public void Failed()
    {
        lock (_gate)
        {
            _inFlight--;
            _estimate = Math.Max(0, _estimate - 1);
        }
    }

    /// <summary>
    /// The service answered "too many jobs": the quota is lower than the window thought, or another runner took the
    /// slots. The window closes and waits for a job to end. One count per refusal at most, none when a count was made
    /// after this Start went out (the Starts refused together share it).
    /// </summary>
    /// <param name="ticket">From <see cref="AcquireAsync"/>; null for a Start that went out without the window.</param>
    public async Task RefusedAsync(int? ticket, CancellationToken cancellationToken)
    {
        if (ticket is not null)
        {
            Failed();
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ticket is null || ticket == _generation)
            {
                // The count is account-wide, so what ran when the service said no is the account's quota, or a little
                // under when a job ended in between: the most seen at any refusal is the best guess (it only rises
                // towards the quota). A refusal with nothing running says nothing of the quota.
                var running = await CountAsync(cancellationToken).ConfigureAwait(false);
                if (running > 0)
                {
                    _learned = Math.Max(_learned, running);
                    _limit = Math.Min(_configured, _learned);
                }
            }

            lock (_gate)
            {
                _estimate = Math.Max(_estimate, _limit);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>QUEUED plus IN_PROGRESS jobs of the kind, counted only as far as the configured window (a full window needs no exact figure).</summary>
    /// <returns>The service's count; the estimate adds the Starts still on their way (some may be in the count already: the safe side).</returns>
    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var running = await retry.RunAsync(
            async token =>
            {
                int count = 0;
                foreach (var status in (JobStatus[])[JobStatus.InProgress, JobStatus.Queued])
                {
                    var seen = 0;
                    await using var items = jobs.ListAsync(kind, status, null, token).GetAsyncEnumerator(token);
                    while (count < _configured)
                    {
                        if (seen % TranscribeClient.MaxPageSize == 0)
                        {
                            await listPacer.WaitAsync(token).ConfigureAwait(false);
                        }

                        if (!await items.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        seen++;
                        count++;
                    }
                }

                return count;
            },
            cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _estimate = running + _inFlight;
            _lastCount = running;
            _counted = true;
            _countedAt = clock.GetUtcNow();
            _generation++;
        }

        return running;
    }
}
