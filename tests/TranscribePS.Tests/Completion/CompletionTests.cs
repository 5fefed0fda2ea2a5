using TranscribePS.Core;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Completion;
using TranscribePS.Core.Jobs;
using TranscribePS.Tests.Waiting;

namespace TranscribePS.Tests.Completion;

public sealed class CompletionCacheTests
{
    private static readonly IReadOnlyList<Suggestion> Two = [new("visit-1", "one"), new("visit-2", "two")];

    [Fact]
    public void A_list_is_fetched_once_and_reused_until_its_lifetime_ends()
    {
        var clock = new ManualClock(autoAdvance: false);
        var cache = new CompletionCache(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), clock);
        var fetches = 0;
        Task<IReadOnlyList<Suggestion>> Fetch(CancellationToken _)
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(Two);
        }

        Assert.Equal(Two, cache.Get("here", Fetch));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Two, cache.Get("here", Fetch));
        Assert.Equal(1, fetches);

        cache.Get("elsewhere", Fetch);
        Assert.Equal(2, fetches);

        clock.Advance(TimeSpan.FromSeconds(1));
        cache.Get("here", Fetch);
        Assert.Equal(3, fetches);
    }

    [Fact]
    public void A_slow_fetch_gives_nothing_within_the_time_limit_and_its_list_at_the_next_Tab()
    {
        var cache = new CompletionCache(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));
        var release = new TaskCompletionSource();
        async Task<IReadOnlyList<Suggestion>> Slow(CancellationToken _)
        {
            await release.Task;
            return Two;
        }

        Assert.Empty(cache.Get("here", Slow));
        release.SetResult();

        IReadOnlyList<Suggestion> next = [];
        for (var i = 0; i < 100 && next.Count == 0; i++)
        {
            next = cache.Get("here", Slow);
        }

        Assert.Equal(Two, next);
    }

    [Fact]
    public void A_failed_fetch_completes_nothing_and_does_not_throw()
    {
        var cache = new CompletionCache(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        var result = cache.Get("here", _ => throw new TranscribeException(AwsErrorKind.AccessDenied, "denied", "AccessDeniedException", 400));

        Assert.Empty(result);
    }

    [Fact]
    public void A_fetch_that_never_ends_is_cancelled_at_the_fetch_limit()
    {
        var cache = new CompletionCache(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        var sawCancel = false;

        var result = cache.Get("here", async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                sawCancel = true;
                throw;
            }

            return Two;
        });

        Assert.Empty(result);
        Assert.True(sawCancel);
    }
}

public sealed class SuggestionMatchingTests
{
    private static readonly IReadOnlyList<Suggestion> Names =
        [new("visit1-a", ""), new("Visit1-b", ""), new("visit10-c", ""), new("call-9x", ""), new("visit1-a", "again")];

    [Theory]
    [InlineData("", new[] { "visit1-a", "Visit1-b", "visit10-c", "call-9x" })]
    [InlineData("VISIT1", new[] { "visit1-a", "Visit1-b", "visit10-c" })]
    [InlineData("'visit1-", new[] { "visit1-a", "Visit1-b" })]
    [InlineData("*1-?", new[] { "visit1-a", "Visit1-b" })]
    [InlineData("v*c", new[] { "visit10-c" })]
    [InlineData("nothing", new string[0])]
    [InlineData("bad name!*", new string[0])]
    public void Completes_a_prefix_or_a_pattern_in_the_order_given_once_each(string word, string[] expected)
        => Assert.Equal(expected, Suggestion.Matching(Names, word, NameKind.Job).Select(s => s.Value));
}

public sealed class RecentJobSuggestionTests
{
    [Fact]
    public async Task Lists_one_page_per_kind_and_offers_the_newest_first_across_kinds()
    {
        var clock = new ManualClock();
        var jobs = new ScriptedJobs(clock);
        for (var i = 0; i < 150; i++)
        {
            jobs.Add(JobKind.Medical, $"medical-{i:000}", TimeSpan.FromHours(1), createdAt: TimeSpan.FromSeconds(-1000 + (2 * i)));
        }

        jobs.Add(JobKind.CallAnalytics, "call-newest", TimeSpan.FromHours(1), createdAt: TimeSpan.FromSeconds(-10));
        jobs.Add(JobKind.CallAnalytics, "call-oldest", TimeSpan.FromHours(1), createdAt: TimeSpan.FromSeconds(-5000));

        var offered = await ServiceSuggestions.ListJobsAsync(jobs, [JobKind.Medical, JobKind.CallAnalytics], CancellationToken.None);

        Assert.Equal(ServiceSuggestions.RecentJobsPerKind + 2, offered.Count);
        Assert.Equal(["call-newest", "medical-149", "medical-148"], offered.Take(3).Select(s => s.Value));
        Assert.Equal("call-oldest", offered[^1].Value);
        Assert.DoesNotContain(offered, s => s.Value == "medical-049");
        Assert.StartsWith("call-newest (CallAnalytics, InProgress, created ", offered[0].Description);
        Assert.Equal(2, jobs.Lists.Count());
    }

    [Fact]
    public async Task A_kind_the_service_refuses_leaves_the_other_kinds()
    {
        var jobs = new ScriptedJobs(new ManualClock());
        jobs.Add(JobKind.Medical, "visit", TimeSpan.FromHours(1), createdAt: TimeSpan.FromSeconds(-10));
        jobs.Add(JobKind.Scribe, "note", TimeSpan.FromHours(1), createdAt: TimeSpan.FromSeconds(-10));
        jobs.Fault = call => call.Kind == JobKind.Scribe
            ? new TranscribeException(AwsErrorKind.AccessDenied, "not allowed", "AccessDeniedException", 400)
            : null;

        var offered = await ServiceSuggestions.ListJobsAsync(jobs, [JobKind.Medical, JobKind.Scribe], CancellationToken.None);

        Assert.Equal(["visit"], offered.Select(s => s.Value));
    }
}
