using TranscribePS.Core.Waiting;

namespace TranscribePS.Tests.Waiting;

public class CallPacerTests
{
    [Fact]
    public async Task Pacer_spaces_calls_so_no_second_holds_more_than_the_rate()
    {
        var clock = new ManualClock();
        var pacer = new CallPacer(10, clock);
        var times = new List<TimeSpan>();

        for (var i = 0; i < 35; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
            times.Add(clock.Elapsed);
        }

        Assert.Equal(TimeSpan.Zero, times[0]);
        Assert.Equal(TimeSpan.FromSeconds(3.4), times[^1]);
        Assert.All(times, start => Assert.True(times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)) <= 10));
    }

    [Fact]
    public async Task Pacer_lets_a_call_through_at_once_after_a_quiet_spell()
    {
        var clock = new ManualClock();
        var pacer = new CallPacer(2, clock);
        await pacer.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));

        await pacer.WaitAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), clock.Elapsed);
    }

    [Fact]
    public async Task Pacer_wait_ends_when_cancelled()
    {
        var clock = new ManualClock(autoAdvance: false);
        var pacer = new CallPacer(1, clock);
        await pacer.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = pacer.WaitAsync(cts.Token);
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
