using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Tests.Waiting;

public class JobWaiterTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    private static TranscribeException Throttled() =>
        new(AwsErrorKind.Throttled, "Rate exceeded", "ThrottlingException", 400);

    [Fact]
    public async Task Wait_emits_each_job_as_soon_as_it_completes()
    {
        var h = new WaitHarness();
        var a = h.Service.Add(JobKind.Medical, "visit-a", finishesAt: Seconds(300));
        var b = h.Service.Add(JobKind.Medical, "visit-b", finishesAt: Seconds(60));
        var c = h.Service.Add(JobKind.Medical, "visit-c", finishesAt: Seconds(900));

        var results = await h.WaitAsync([ScriptedJobs.Started(a), ScriptedJobs.Started(b), ScriptedJobs.Started(c)]);

        Assert.Equal(["visit-b", "visit-a", "visit-c"], results.Select(r => r.JobName));
        Assert.All(results, r => Assert.Equal(WaitOutcome.Completed, r.Outcome));
        Assert.All(results, r => Assert.Equal($"s3://out/{r.JobName}.json", r.Job!.TranscriptUri));
        Assert.All(results, r => Assert.Equal(JobStatus.Completed, r.Job!.Status));

        // Seen within one poll interval (10 s + 20 % jitter) of finishing, however long the job ran, plus pacing.
        var finishes = new Dictionary<string, TimeSpan> { ["visit-a"] = Seconds(300), ["visit-b"] = Seconds(60), ["visit-c"] = Seconds(900) };
        Assert.All(results, r => Assert.InRange(r.Elapsed, finishes[r.JobName], finishes[r.JobName] + Seconds(12.5)));
    }

    [Fact]
    public async Task Wait_reports_a_failed_job_with_the_service_reason()
    {
        var h = new WaitHarness();
        var bad = h.Service.Add(JobKind.Medical, "phone-8khz", finishesAt: Seconds(40), failureReason: "Invalid sample rate for audio file");

        var result = Assert.Single(await h.WaitAsync([ScriptedJobs.Started(bad)]));

        Assert.Equal(WaitOutcome.Failed, result.Outcome);
        Assert.Equal(JobStatus.Failed, result.Job!.Status);
        Assert.Equal("Invalid sample rate for audio file", result.Job.FailureReason);
        Assert.Contains("Invalid sample rate for audio file", result.Message, StringComparison.Ordinal);
        Assert.Contains("phone-8khz", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_emits_one_TimedOut_per_unfinished_job_at_the_deadline()
    {
        var h = new WaitHarness();
        var quick = h.Service.Add(JobKind.Medical, "quick", finishesAt: Seconds(120));
        var slow1 = h.Service.Add(JobKind.Medical, "slow-1", finishesAt: TimeSpan.FromHours(2));
        var slow2 = h.Service.Add(JobKind.Medical, "slow-2", finishesAt: TimeSpan.FromHours(2));
        var options = new WaitOptions { Timeout = TimeSpan.FromMinutes(10) };

        var results = await h.WaitAsync([ScriptedJobs.Started(slow1), ScriptedJobs.Started(quick), ScriptedJobs.Started(slow2)], options);

        Assert.Equal(
            [("quick", WaitOutcome.Completed), ("slow-1", WaitOutcome.TimedOut), ("slow-2", WaitOutcome.TimedOut)],
            results.Select(r => (r.JobName, r.Outcome)));
        foreach (var timedOut in results.Skip(1))
        {
            Assert.InRange(timedOut.Elapsed, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10) + Seconds(1));
            Assert.Equal(JobStatus.InProgress, timedOut.Job!.Status);
            Assert.Contains("10 min", timedOut.Message, StringComparison.Ordinal);
            Assert.Contains("IN_PROGRESS", timedOut.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(h.Service.Calls, c => c.At > TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Wait_stops_at_once_when_cancelled_during_a_gap()
    {
        var h = new WaitHarness(autoAdvance: false);
        var job = h.Service.Add(JobKind.Medical, "long", finishesAt: TimeSpan.FromHours(1));
        using var cts = new CancellationTokenSource();
        var armed = h.Clock.NextTimerArmed;

        var waiting = h.WaitAsync([ScriptedJobs.Started(job)], cancellationToken: cts.Token);
        await armed.WaitAsync(Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        Assert.Equal(TimeSpan.Zero, h.Clock.Elapsed);
        Assert.Single(h.Service.Calls);
    }

    [Fact]
    public async Task Wait_cancellation_reaches_a_call_in_flight()
    {
        var h = new WaitHarness(autoAdvance: false);
        var job = h.Service.Add(JobKind.CallAnalytics, "hung", finishesAt: Seconds(10));
        h.Service.HangGets = true;
        using var cts = new CancellationTokenSource();

        var waiting = h.WaitAsync([ScriptedJobs.Started(job)], cancellationToken: cts.Token);
        Assert.False(waiting.IsCompleted);
        Assert.Single(h.Service.Calls);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
    }

    [Fact]
    public async Task Wait_for_250_jobs_lists_instead_of_getting_each_and_stays_under_the_quota()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 250)
            .Select(i => h.Service.Add(JobKind.Medical, $"batch7-rec-{i:000}", finishesAt: Seconds(30 + (i * 2)), createdAt: Seconds(i - 300)))
            .Select(ScriptedJobs.Started)
            .ToList();
        var options = new WaitOptions();

        var results = await h.WaitAsync(jobs, options);

        Assert.Equal(250, results.Count(r => r.Outcome == WaitOutcome.Completed && r.Job!.TranscriptUri is not null));
        var listings = h.Service.Lists.Count(c => c.Status == JobStatus.Completed && c.Page == 0);
        Assert.InRange(listings, 5, 60);
        Assert.All(h.Service.Lists, c => Assert.StartsWith("batch7-rec-", c.NameFilter, StringComparison.Ordinal));

        // Polling by Get would cost 250 calls per cycle; listing reads each finished job once, plus spot checks and
        // the last few jobs by Get once the listing no longer pays.
        Assert.InRange(h.Service.Gets.Count(), 250, 250 + (listings * (WaitPlanner.SpotChecksPerListCycle + 12)));

        // Paced at the options' rates: half of Get's 30 TPS (three quarters of call analytics' 20) and three fifths of
        // List's 5 TPS, which the account shares with other tools.
        Assert.InRange(h.Service.PeakPerSecond("Get"), 1, 15);
        Assert.InRange(h.Service.PeakPerSecond("List"), 1, 3);
        Assert.InRange(h.Service.PeakCallsPerSecond(), 1, 18);
    }

    [Fact]
    public async Task Wait_for_a_few_jobs_reads_each_by_Get_and_never_lists()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 5)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.Medical, $"few-{i}", finishesAt: Seconds(100 + (i * 50)))))
            .ToList();

        var results = await h.WaitAsync(jobs, new WaitOptions { MaxGetCallsPerSecond = 10 });

        Assert.Equal(5, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.Empty(h.Service.Lists);

        // The first cycle reads all five, paced 100 ms apart (10 Gets a second).
        var firstCycle = h.Service.Gets.Where(c => c.At < Seconds(1)).ToList();
        Assert.Equal(["few-0", "few-1", "few-2", "few-3", "few-4"], firstCycle.Select(c => c.JobName));
        Assert.Equal(Seconds(0.4), firstCycle[^1].At);
    }

    [Fact]
    public async Task Wait_backs_off_when_Gets_are_throttled_and_still_completes()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 3)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.Medical, $"busy-{i}", finishesAt: Seconds(120))))
            .ToList();
        h.Service.Fault = call => call.At < Seconds(100) ? Throttled() : null;

        var results = await h.WaitAsync(jobs);

        Assert.Equal(3, results.Count(r => r.Outcome == WaitOutcome.Completed));

        // Each throttled cycle stops at its first call, and the gaps grow by the factor (jitter ranges do not overlap).
        var throttled = h.Service.Gets.Where(c => c.At < Seconds(100)).Select(c => c.At).ToList();
        Assert.True(throttled.Count >= 4, $"{throttled.Count} throttled calls");
        var gaps = throttled.Zip(throttled.Skip(1), (x, y) => y - x).ToList();
        Assert.True(gaps[0] < gaps[1] && gaps[1] < gaps[2], string.Join(", ", gaps));
    }

    [Fact]
    public async Task Wait_keeps_the_poll_interval_while_nothing_finishes_and_jitters_within_bounds()
    {
        var h = new WaitHarness();
        var job = h.Service.Add(JobKind.Medical, "quiet", finishesAt: TimeSpan.FromHours(3));

        await h.WaitAsync([ScriptedJobs.Started(job)], new WaitOptions { Timeout = TimeSpan.FromMinutes(30) });

        var reads = h.Service.Gets.Select(c => c.At.TotalSeconds).ToList();
        var gaps = reads.Zip(reads.Skip(1), (x, y) => y - x).ToList();

        // A job that runs for hours is still read every 10 s (± 20 %), so its finish is seen within one interval.
        Assert.InRange(gaps.Count, 150, 225);
        Assert.All(gaps, g => Assert.InRange(g, 8, 12));
        Assert.True(gaps.Distinct().Count() > gaps.Count / 2, "gaps should vary");
        Assert.True(gaps.Min() < 8.5 && gaps.Max() > 11.5, string.Join(", ", gaps));
    }

    [Fact]
    public async Task Wait_backs_off_when_a_listing_is_throttled_and_still_completes()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 30)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.CallAnalytics, $"calls-{i:00}", finishesAt: Seconds(45), createdAt: Seconds(-60))))
            .ToList();
        var failedListings = 0;
        h.Service.Fault = call =>
        {
            if (call.Operation == "List" && failedListings < 3)
            {
                failedListings++;
                return new TranscribeException(AwsErrorKind.Throttled, "You've either sent too many requests or your input file is too long.", "LimitExceededException", 429);
            }

            return null;
        };

        var results = await h.WaitAsync(jobs);

        Assert.Equal(30, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.Equal(3, failedListings);
        Assert.True(h.Service.Lists.Count() > 3);
    }

    [Fact]
    public async Task Wait_emits_already_finished_inputs_at_once()
    {
        var h = new WaitHarness();
        var done = h.Service.Add(JobKind.Medical, "done", finishesAt: Seconds(-30), createdAt: Seconds(-600));
        var summary = h.Service.Add(JobKind.Medical, "summary-only", finishesAt: Seconds(-20), createdAt: Seconds(-600));
        var failed = h.Service.Add(JobKind.Medical, "failed", finishesAt: Seconds(-10), failureReason: "Unsupported media format", createdAt: Seconds(-600));
        var running = h.Service.Add(JobKind.Medical, "running", finishesAt: Seconds(60));
        var inputs = new[]
        {
            done.Read(TimeSpan.Zero, withDetails: true),
            summary.Read(TimeSpan.Zero, withDetails: false),
            ScriptedJobs.Started(running),
            failed.Read(TimeSpan.Zero, withDetails: false),
        };

        var results = await h.WaitAsync(inputs);

        Assert.Equal(["done", "failed", "summary-only", "running"], results.Select(r => r.JobName));
        Assert.Same(inputs[0], results[0].Job);
        Assert.Equal(WaitOutcome.Failed, results[1].Outcome);
        Assert.Equal("s3://out/summary-only.json", results[2].Job!.TranscriptUri);
        Assert.All(results.Take(3), r => Assert.True(r.Elapsed < Seconds(1), $"{r.JobName} after {r.Elapsed}"));
        Assert.DoesNotContain(h.Service.Calls, c => c.JobName is "done" or "failed");
        Assert.Single(h.Service.Gets, c => c.JobName == "summary-only");
    }

    [Fact]
    public async Task Wait_handles_mixed_kinds_each_with_its_own_strategy()
    {
        var h = new WaitHarness();
        var inputs = Enumerable.Range(0, 15)
            .Select(i => h.Service.Add(JobKind.CallAnalytics, $"ca-{i:00}", finishesAt: Seconds(60 + i), createdAt: Seconds(-120)))
            .Concat(Enumerable.Range(0, 3).Select(i => h.Service.Add(JobKind.Medical, $"med-{i}", finishesAt: Seconds(90 + i))))
            .Append(h.Service.Add(JobKind.Standard, "std-0", finishesAt: Seconds(30)))
            .Select(ScriptedJobs.Started)
            .ToList();

        var results = await h.WaitAsync(inputs);

        Assert.Equal(19, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.All(results, r => Assert.Equal(r.JobName.StartsWith("ca-", StringComparison.Ordinal) ? JobKind.CallAnalytics : r.JobName.StartsWith("med-", StringComparison.Ordinal) ? JobKind.Medical : JobKind.Standard, r.Job!.Kind));
        Assert.NotEmpty(h.Service.Lists);
        Assert.All(h.Service.Lists, c => Assert.Equal(JobKind.CallAnalytics, c.Kind));
        Assert.Equal("std-0", results[0].JobName);
    }

    [Fact]
    public async Task Wait_reports_progress_when_counts_or_the_next_check_change()
    {
        var h = new WaitHarness();
        var done = h.Service.Add(JobKind.Medical, "done", finishesAt: Seconds(-5), createdAt: Seconds(-60));
        var fails = h.Service.Add(JobKind.Medical, "fails", finishesAt: Seconds(50), failureReason: "Unsupported media format");
        var completes = h.Service.Add(JobKind.Medical, "completes", finishesAt: Seconds(200));
        var endless = h.Service.Add(JobKind.Medical, "endless", finishesAt: TimeSpan.FromHours(9));

        await h.WaitAsync(
            [done.Read(TimeSpan.Zero, withDetails: true), ScriptedJobs.Started(fails), ScriptedJobs.Started(completes), ScriptedJobs.Started(endless)],
            new WaitOptions { Timeout = TimeSpan.FromMinutes(15) });

        var reports = h.Progress.Reports;
        Assert.Equal((4, 0, 4, 0, 4), (reports[0].Total, reports[0].Completed, reports[0].Running, reports[0].Queued, reports[0].InProgress));
        Assert.Equal(ManualClock.Origin, reports[0].Started);
        Assert.Equal(ManualClock.Origin, reports[0].NextCheck);
        Assert.All(
            reports.Zip(reports.Skip(1)),
            pair => Assert.NotEqual(
                (pair.First.Completed, pair.First.Failed, pair.First.NotFound, pair.First.TimedOut, pair.First.NextCheck),
                (pair.Second.Completed, pair.Second.Failed, pair.Second.NotFound, pair.Second.TimedOut, pair.Second.NextCheck)));

        // After every cycle the next check is scheduled one (jittered) poll interval from the cycle's start: never
        // more than 12 s ahead, however long the jobs run (the reads of the cycle itself take a moment of that gap).
        Assert.All(
            reports.Where(r => r.Running > 0 && r.NextCheck > r.Started + r.Elapsed),
            r => Assert.InRange(r.NextCheck!.Value - (r.Started + r.Elapsed), Seconds(7.5), Seconds(12)));
        Assert.Equal((2, 1, 0, 1, 0, 100), (reports[^1].Completed, reports[^1].Failed, reports[^1].NotFound, reports[^1].TimedOut, reports[^1].Running, reports[^1].PercentComplete));
        Assert.Null(reports[^1].NextCheck);
        Assert.InRange(reports[^1].Elapsed, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15) + Seconds(1));
        Assert.Equal(
            [("done", WaitOutcome.Completed), ("fails", WaitOutcome.Failed), ("completes", WaitOutcome.Completed), ("endless", WaitOutcome.TimedOut)],
            reports[^1].Jobs.Select(j => (j.JobName, j.Outcome!.Value)));
        Assert.Equal(JobStatus.InProgress, reports[^1].Jobs[3].LastStatus);
    }

    [Fact]
    public async Task Jobs_added_while_the_wait_runs_join_it_and_each_is_timed_from_when_it_joined()
    {
        var h = new WaitHarness();
        var first = h.Service.Add(JobKind.Medical, "first", finishesAt: Seconds(60));
        var later = h.Service.Add(JobKind.Medical, "later", finishesAt: Seconds(400), createdAt: Seconds(70));
        var stuck = h.Service.Add(JobKind.Medical, "stuck", finishesAt: TimeSpan.FromHours(9), createdAt: Seconds(70));
        var joinedAt = TimeSpan.Zero;

        var (session, firstResult, rest) = await h.WaitWithLaterArrivalsAsync(
            new WaitOptions { Timeout = TimeSpan.FromMinutes(10) },
            ScriptedJobs.Started(first),
            session =>
            {
                joinedAt = h.Clock.Elapsed;
                session.Add(ScriptedJobs.Started(later));
                session.Add(ScriptedJobs.Started(stuck));
                session.Add(ScriptedJobs.Started(first));
            });

        Assert.Equal(("first", WaitOutcome.Completed), (firstResult.JobName, firstResult.Outcome));
        Assert.Equal([("later", WaitOutcome.Completed), ("stuck", WaitOutcome.TimedOut)], rest.Select(r => (r.JobName, r.Outcome)));
        Assert.InRange(rest[1].Elapsed, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10) + Seconds(1));
        Assert.InRange(h.Clock.Elapsed, joinedAt + TimeSpan.FromMinutes(10), joinedAt + TimeSpan.FromMinutes(10) + Seconds(1));
        Assert.Equal(3, h.Progress.Reports[^1].Total);
        Assert.Throws<InvalidOperationException>(() => session.Add(ScriptedJobs.Started(later)));
    }

    [Fact]
    public async Task Wait_reports_NotFound_for_a_job_deleted_while_waiting()
    {
        var h = new WaitHarness();
        var deleted = h.Service.Add(JobKind.Medical, "deleted", finishesAt: TimeSpan.FromHours(1), deletedAt: Seconds(30));
        var kept = h.Service.Add(JobKind.Medical, "kept", finishesAt: Seconds(300));

        var results = await h.WaitAsync([ScriptedJobs.Started(deleted), ScriptedJobs.Started(kept)]);

        Assert.Equal([("deleted", WaitOutcome.NotFound), ("kept", WaitOutcome.Completed)], results.Select(r => (r.JobName, r.Outcome)));
        Assert.Equal("deleted", results[0].Job!.JobName);
        Assert.Contains("Get-TranscribeJob", results[0].Message, StringComparison.Ordinal);

        // One NotFound can be a stale read right after completion: a second read confirms it.
        Assert.Equal(2, h.Service.Gets.Count(c => c.JobName == "deleted" && c.At >= Seconds(30)));
    }

    [Fact]
    public async Task Wait_does_not_trust_a_single_NotFound()
    {
        var h = new WaitHarness();
        var job = h.Service.Add(JobKind.Medical, "flicker", finishesAt: Seconds(40));
        var answered = 0;
        h.Service.Fault = call => ++answered == 2
            ? new TranscribeException(AwsErrorKind.NotFound, "The requested job couldn't be found.", "NotFoundException", 404)
            : null;

        var result = Assert.Single(await h.WaitAsync([ScriptedJobs.Started(job)]));

        Assert.Equal(WaitOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task Wait_finds_jobs_deleted_under_a_listing_through_spot_checks()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 20)
            .Select(i => h.Service.Add(JobKind.Medical, $"night-{i:00}", finishesAt: TimeSpan.FromMinutes(30), createdAt: Seconds(-100), deletedAt: i == 7 ? Seconds(20) : null))
            .Select(ScriptedJobs.Started)
            .ToList();

        var results = await h.WaitAsync(jobs);

        var gone = Assert.Single(results, r => r.Outcome == WaitOutcome.NotFound);
        Assert.Equal("night-07", gone.JobName);
        Assert.True(gone.Elapsed < TimeSpan.FromMinutes(30), $"found after {gone.Elapsed}");
        Assert.Equal(19, results.Count(r => r.Outcome == WaitOutcome.Completed));
    }

    [Fact]
    public async Task Wait_listing_stops_paging_at_jobs_older_than_the_oldest_pending_job()
    {
        var h = new WaitHarness();
        foreach (var i in Enumerable.Range(0, 450))
        {
            h.Service.Add(JobKind.Medical, $"night-old-{i:000}", finishesAt: TimeSpan.FromDays(-1), createdAt: TimeSpan.FromDays(-2) + Seconds(i));
        }

        var jobs = Enumerable.Range(0, 40)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.Medical, $"night-{i:00}", finishesAt: Seconds(100 + (i * 20)), createdAt: Seconds(-50 + i))))
            .ToList();

        var results = await h.WaitAsync(jobs);

        Assert.Equal(40, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.NotEmpty(h.Service.Lists);
        Assert.All(h.Service.Lists, c => Assert.Equal(0, c.Page));
    }

    [Fact]
    public async Task Wait_reads_bare_names_once_then_lists_them()
    {
        var h = new WaitHarness();
        foreach (var i in Enumerable.Range(0, 30))
        {
            h.Service.Add(JobKind.CallAnalytics, $"ref-{i:00}", finishesAt: Seconds(200 + i), createdAt: Seconds(-30));
        }

        var results = await h.WaitAsync(Enumerable.Range(0, 30).Select(i => WaitHarness.Named(JobKind.CallAnalytics, $"ref-{i:00}")));

        Assert.Equal(30, results.Count(r => r.Outcome == WaitOutcome.Completed && r.Job is not null));
        Assert.Equal(30, h.Service.Gets.Count(c => c.At < Seconds(5)));
        Assert.NotEmpty(h.Service.Lists);

        // After the first read, a Get per job only when the listing finds it finished, plus the spot checks of each
        // listing cycle (how a deleted job is noticed): not a Get per job per cycle (30 jobs × 20 cycles).
        var listings = h.Service.Lists.Count(c => c.Status == JobStatus.Completed && c.Page == 0);
        Assert.InRange(h.Service.Gets.Count(), 60, 60 + (listings * WaitPlanner.SpotChecksPerListCycle) + 4);
    }

    [Fact]
    public async Task Wait_emits_a_job_given_twice_once()
    {
        var h = new WaitHarness();
        var job = ScriptedJobs.Started(h.Service.Add(JobKind.Medical, "twice", finishesAt: Seconds(20)));

        var results = await h.WaitAsync([job, job with { Status = JobStatus.Queued }]);

        Assert.Equal("twice", Assert.Single(results).JobName);
    }

    [Fact]
    public async Task Wait_names_a_job_that_is_never_found_NotFound_with_the_job_it_was_given()
    {
        var h = new WaitHarness();

        var result = Assert.Single(await h.WaitAsync([WaitHarness.Named(JobKind.Scribe, "typo")]));

        Assert.Equal(WaitOutcome.NotFound, result.Outcome);
        Assert.Equal("typo", result.Job?.JobName);
        Assert.Contains("Scribe", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_refuses_unworkable_options_before_any_call()
    {
        var h = new WaitHarness();
        var jobs = new[] { WaitHarness.Named(JobKind.Medical, "x") };

        var ex = Assert.Throws<WaitOptionsException>(() => h.Waiter.WaitAsync(jobs, new WaitOptions { Jitter = 0.9 }, null, CancellationToken.None));
        Assert.Equal("Jitter", ex.ParamName);
        Assert.DoesNotContain("(Parameter", ex.Message, StringComparison.Ordinal);
        Assert.Throws<WaitOptionsException>(() => h.Waiter.WaitAsync(jobs, new WaitOptions { PollInterval = TimeSpan.Zero }, null, CancellationToken.None));
        Assert.Throws<WaitOptionsException>(() => h.Waiter.WaitAsync(jobs, new WaitOptions { Timeout = TimeSpan.FromSeconds(-5) }, null, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => h.Waiter.WaitAsync([WaitHarness.Named(JobKind.Medical, "")], new WaitOptions(), null, CancellationToken.None));
        Assert.Empty(h.Service.Calls);
    }

    [Fact]
    public async Task Wait_without_a_deadline_runs_past_six_hours()
    {
        var h = new WaitHarness();
        var job = h.Service.Add(JobKind.Medical, "marathon", finishesAt: TimeSpan.FromHours(8));

        var result = Assert.Single(await h.WaitAsync([ScriptedJobs.Started(job)], new WaitOptions { Timeout = Timeout.InfiniteTimeSpan }));

        Assert.Equal(WaitOutcome.Completed, result.Outcome);
        Assert.True(result.Elapsed >= TimeSpan.FromHours(8));
    }

    [Fact]
    public async Task Wait_rides_out_a_few_service_faults()
    {
        var h = new WaitHarness();
        var job = h.Service.Add(JobKind.Medical, "blip", finishesAt: Seconds(30));
        var faults = 0;
        h.Service.Fault = _ => ++faults <= 4 ? new TranscribeException(AwsErrorKind.ServiceFault, "There was an internal error.", "InternalFailureException", 500) : null;

        var result = Assert.Single(await h.WaitAsync([ScriptedJobs.Started(job)]));

        Assert.Equal(WaitOutcome.Completed, result.Outcome);
        Assert.Equal(5, h.Service.Gets.Count());
    }

    [Fact]
    public async Task Wait_rides_out_a_burst_of_40_failing_gets_and_emits_all_20_jobs()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 20)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.Medical, $"burst-{i:00}", finishesAt: Seconds(5))))
            .ToList();
        var faults = 0;
        h.Service.Fault = call => call.Operation == "Get" && ++faults <= 40
            ? new TranscribeException(AwsErrorKind.ServiceFault, "There was an internal error.", "InternalFailureException", 500)
            : null;

        var results = await h.WaitAsync(jobs, new WaitOptions { Timeout = TimeSpan.FromSeconds(300) });

        Assert.True(faults >= 40, $"{faults} Gets answered before the burst ended");
        Assert.Equal(20, results.Count(r => r.Outcome == WaitOutcome.Completed));
        Assert.Equal(20, results.Select(r => r.JobName).Distinct().Count());
    }

    [Fact]
    public async Task Faults_that_never_end_slow_the_wait_but_each_job_leaves_at_its_deadline_with_its_own_result()
    {
        var h = new WaitHarness();
        var jobs = Enumerable.Range(0, 3)
            .Select(i => ScriptedJobs.Started(h.Service.Add(JobKind.Medical, $"unreachable-{i}", finishesAt: Seconds(30))))
            .ToList();
        h.Service.Fault = _ => new TranscribeException(AwsErrorKind.ServiceFault, "Could not reach the endpoint.");

        var results = await h.WaitAsync(jobs, new WaitOptions { Timeout = TimeSpan.FromMinutes(10) });

        Assert.Equal(["unreachable-0", "unreachable-1", "unreachable-2"], results.Select(r => r.JobName).Order());
        Assert.All(results, r => Assert.Equal(WaitOutcome.TimedOut, r.Outcome));
        // Polling went on, further apart, until the deadline: more than the five faults the wait used to give up after.
        Assert.True(h.Service.Gets.Count() > 5, $"{h.Service.Gets.Count()} Gets");
        Assert.True(h.Clock.Elapsed >= TimeSpan.FromMinutes(10), $"left after {h.Clock.Elapsed}");
    }

    [Fact]
    public async Task An_error_waiting_cannot_fix_ends_the_wait_with_one_result_per_pending_job_naming_it()
    {
        var h = new WaitHarness();
        var early = h.Service.Add(JobKind.Medical, "done-early", finishesAt: Seconds(1));
        var jobs = Enumerable.Range(0, 2).Select(i => h.Service.Add(JobKind.Medical, $"denied-{i}", finishesAt: Seconds(600))).ToList();
        h.Service.Fault = call => call.At > Seconds(14)
            ? new TranscribeException(AwsErrorKind.AccessDenied, "User is not authorized to perform: transcribe:GetMedicalTranscriptionJob", "AccessDeniedException", 400)
            : null;

        var results = await h.WaitAsync([ScriptedJobs.Started(early), .. jobs.Select(ScriptedJobs.Started)]);

        Assert.Equal(WaitOutcome.Completed, results.Single(r => r.JobName == "done-early").Outcome);
        var abandoned = results.Where(r => r.Outcome == WaitOutcome.Abandoned).OrderBy(r => r.JobName).ToList();
        Assert.Equal(["denied-0", "denied-1"], abandoned.Select(r => r.JobName));
        Assert.All(abandoned, r =>
        {
            Assert.Equal(AwsErrorKind.AccessDenied, r.Error!.Kind);
            Assert.Contains($"'{r.JobName}'", r.Message, StringComparison.Ordinal);
            Assert.Contains("not authorized", r.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Jobs_piped_in_after_an_error_waiting_cannot_fix_each_leave_as_Abandoned_and_the_wait_ends_with_adding()
    {
        var h = new WaitHarness();
        var first = h.Service.Add(JobKind.Medical, "denied-first", finishesAt: Seconds(600));
        var late = h.Service.Add(JobKind.Medical, "late", finishesAt: Seconds(600));
        var done = h.Service.Add(JobKind.Medical, "late-done", finishesAt: Seconds(1));
        h.Service.Fault = _ => new TranscribeException(AwsErrorKind.AccessDenied, "User is not authorized to perform: transcribe:GetMedicalTranscriptionJob", "AccessDeniedException", 400);
        var gets = 0;

        var (_, stopped, rest) = await h.WaitWithLaterArrivalsAsync(
            new WaitOptions { Timeout = TimeSpan.FromMinutes(10) },
            ScriptedJobs.Started(first),
            session =>
            {
                gets = h.Service.Gets.Count();
                session.Add(ScriptedJobs.Started(late));
                session.Add(ScriptedJobs.Started(done) with { Status = JobStatus.Completed, TranscriptUri = "s3://out/late-done.json" });
            });

        Assert.Equal(("denied-first", WaitOutcome.Abandoned), (stopped.JobName, stopped.Outcome));
        // The late job gets its own result naming the error, without another call; one already finished still comes out Completed.
        Assert.Equal([("late-done", WaitOutcome.Completed), ("late", WaitOutcome.Abandoned)], rest.Select(r => (r.JobName, r.Outcome)));
        Assert.Equal(AwsErrorKind.AccessDenied, rest[1].Error!.Kind);
        Assert.Contains("not authorized", rest[1].Message, StringComparison.Ordinal);
        Assert.Equal(gets, h.Service.Gets.Count());
        Assert.Equal(3, h.Progress.Reports[^1].Total);
    }
}
