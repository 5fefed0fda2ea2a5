using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Tests.Waiting;

public class WaitPlannerTests
{
    private static readonly WaitOptions Defaults = new();

    private static KindPlan PlanFor(int pending, int needGet = 0, int pages = WaitPlanner.DefaultExpectedListPages) =>
        Assert.Single(WaitPlanner.NextCycle([new KindLoad(JobKind.Medical, pending, needGet, pages)], Defaults));

    [Fact]
    public void Planner_reads_a_few_jobs_by_Get()
    {
        var plan = PlanFor(5);

        Assert.Equal(PollStrategy.Get, plan.Strategy);
        Assert.Equal(5, plan.GetCalls);
        Assert.Equal(0, plan.ListCalls);
    }

    [Fact]
    public void Planner_lists_many_jobs_and_reads_only_what_it_must()
    {
        var plan = PlanFor(250, needGet: 3);

        Assert.Equal(PollStrategy.List, plan.Strategy);
        Assert.Equal(3 + WaitPlanner.SpotChecksPerListCycle, plan.GetCalls);
        Assert.Equal(WaitPlanner.DefaultExpectedListPages, plan.ListCalls);
    }

    [Fact]
    public void Planner_crossover_with_default_pacing_is_eighteen_jobs()
    {
        Assert.Equal(18, WaitPlanner.ListCrossover(WaitPlanner.DefaultExpectedListPages, Defaults));
        Assert.Equal(PollStrategy.Get, PlanFor(18).Strategy);
        Assert.Equal(PollStrategy.List, PlanFor(19).Strategy);
    }

    [Fact]
    public void Planner_crossover_of_call_analytics_follows_its_lower_Get_quota()
    {
        Assert.Equal(12, WaitPlanner.ListCrossover(WaitPlanner.DefaultExpectedListPages, Defaults, JobKind.CallAnalytics));
        Assert.Equal(PollStrategy.Get, Assert.Single(WaitPlanner.NextCycle([new KindLoad(JobKind.CallAnalytics, 12, 0, 2)], Defaults)).Strategy);
        Assert.Equal(PollStrategy.List, Assert.Single(WaitPlanner.NextCycle([new KindLoad(JobKind.CallAnalytics, 13, 0, 2)], Defaults)).Strategy);
    }

    [Fact]
    public void Planner_crossover_rises_when_listings_take_more_pages()
    {
        Assert.Equal(52, WaitPlanner.ListCrossover(6, Defaults));
        Assert.Equal(PollStrategy.Get, PlanFor(52, pages: 6).Strategy);
        Assert.Equal(PollStrategy.List, PlanFor(53, pages: 6).Strategy);
    }

    [Fact]
    public void Planner_crossover_follows_the_ratio_of_the_paces()
    {
        var listCheap = new WaitOptions { MaxGetCallsPerSecond = 4, MaxListCallsPerSecond = 4 };

        Assert.Equal(4, WaitPlanner.ListCrossover(2, listCheap));
    }

    [Fact]
    public void Planner_counts_jobs_that_need_a_Get_outside_the_choice()
    {
        // 20 pending but 15 of them must be read anyway: only 5 could be found by listing, too few to pay for it.
        var plan = PlanFor(20, needGet: 15);

        Assert.Equal(PollStrategy.Get, plan.Strategy);
        Assert.Equal(20, plan.GetCalls);
    }

    [Fact]
    public void Planner_plans_each_kind_on_its_own_and_skips_empty_ones()
    {
        var plans = WaitPlanner.NextCycle(
            [
                new KindLoad(JobKind.Medical, 3, 0, 2),
                new KindLoad(JobKind.CallAnalytics, 80, 0, 2),
                new KindLoad(JobKind.Standard, 0, 0, 2),
            ],
            Defaults);

        Assert.Equal([(JobKind.Medical, PollStrategy.Get), (JobKind.CallAnalytics, PollStrategy.List)], plans.Select(p => (p.Kind, p.Strategy)));
    }

    [Fact]
    public void Interval_grows_by_the_factor_while_throttled_up_to_the_ceiling_and_steps_back_while_quiet()
    {
        var gaps = new List<TimeSpan> { Defaults.PollInterval };
        for (var i = 0; i < 6; i++)
        {
            gaps.Add(WaitPlanner.NextInterval(gaps[^1], CycleOutcome.Throttled, Defaults));
        }

        for (var i = 0; i < 6; i++)
        {
            gaps.Add(WaitPlanner.NextInterval(gaps[^1], CycleOutcome.Quiet, Defaults));
        }

        Assert.Equal([10, 15, 22.5, 33.75, 50.625, 60, 60, 40, 26.667, 17.778, 11.852, 10, 10], gaps.Select(g => Math.Round(g.TotalSeconds, 3)));
    }

    [Fact]
    public void A_quiet_cycle_never_lengthens_the_interval()
    {
        Assert.Equal(Defaults.PollInterval, WaitPlanner.NextInterval(Defaults.PollInterval, CycleOutcome.Quiet, Defaults));
    }

    [Fact]
    public void Interval_grows_when_throttled_even_at_the_start()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), WaitPlanner.NextInterval(TimeSpan.FromSeconds(10), CycleOutcome.Throttled, Defaults));
    }

    [Fact]
    public void Interval_steps_back_one_notch_when_a_job_finishes_but_not_below_the_poll_interval()
    {
        Assert.Equal(TimeSpan.FromSeconds(40), WaitPlanner.NextInterval(TimeSpan.FromSeconds(60), CycleOutcome.Progressed, Defaults));
        Assert.Equal(TimeSpan.FromSeconds(10), WaitPlanner.NextInterval(TimeSpan.FromSeconds(12), CycleOutcome.Progressed, Defaults));
    }

    [Fact]
    public void Interval_ceiling_is_never_below_the_poll_interval()
    {
        var slow = new WaitOptions { PollInterval = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromMinutes(5), WaitPlanner.NextInterval(TimeSpan.FromMinutes(5), CycleOutcome.Quiet, slow));
    }

    [Fact]
    public void Jitter_spreads_a_gap_within_twenty_percent_either_way()
    {
        var gap = TimeSpan.FromSeconds(30);
        var random = new Random(7);

        var draws = Enumerable.Range(0, 1000).Select(_ => WaitPlanner.Jittered(gap, 0.2, random.NextDouble())).ToList();

        Assert.All(draws, d => Assert.InRange(d, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36)));
        Assert.True(draws.Min() < TimeSpan.FromSeconds(25) && draws.Max() > TimeSpan.FromSeconds(35), "draws should cover the band");
        Assert.True(draws.Distinct().Count() > 900);
        Assert.Equal(TimeSpan.FromSeconds(24), WaitPlanner.Jittered(gap, 0.2, 0.0));
        Assert.Equal(gap, WaitPlanner.Jittered(gap, 0.0, 0.99));
        Assert.Throws<ArgumentOutOfRangeException>(() => WaitPlanner.Jittered(gap, 0.2, 1.0));
    }

    [Theory]
    [InlineData(new[] { "batch7-rec-001", "batch7-rec-002", "batch7-rec-113" }, "batch7-rec-")]
    [InlineData(new[] { "a-2026-11-21-clinic", "b-2026-11-21-clinic" }, "-2026-11-21-clinic")]
    [InlineData(new[] { "only-one" }, "only-one")]
    [InlineData(new[] { "abc", "xyz" }, null)]
    public void Common_name_fragment_is_the_longest_run_every_name_contains(string[] names, string? expected)
    {
        Assert.Equal(expected, WaitPlanner.CommonNameFragment(names));
    }

    [Fact]
    public void Common_name_fragment_of_no_names_is_none()
    {
        Assert.Null(WaitPlanner.CommonNameFragment([]));
    }
}
