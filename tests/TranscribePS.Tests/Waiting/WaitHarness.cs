using TranscribePS.Core.Jobs;
using TranscribePS.Core.Waiting;

namespace TranscribePS.Tests.Waiting;

/// <summary>A fake clock, a fake account and a seeded waiter over them.</summary>
internal sealed class WaitHarness
{
    public WaitHarness(bool autoAdvance = true)
    {
        Clock = new ManualClock(autoAdvance);
        Service = new ScriptedJobs(Clock);
        Waiter = new JobWaiter(Service, Clock, new Random(20261121));
    }

    public ManualClock Clock { get; }
    public ScriptedJobs Service { get; }
    public JobWaiter Waiter { get; }
    public ProgressLog Progress { get; } = new();

    public async Task<List<WaitResult>> WaitAsync(IEnumerable<TranscriptionJob> jobs, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var results = await Waiter.WaitAsync(jobs, options ?? new WaitOptions(), Progress, cancellationToken).ToListAsync();

        return results;
    }

    /// <summary>
    /// Opens a session, adds <paramref name="first"/> and reads its result; then <paramref name="addLater"/> adds more
    /// while the wait runs, adding is completed and the rest of the results are read.
    /// </summary>
    public async Task<(WaitSession Session, WaitResult First, List<WaitResult> Later)> WaitWithLaterArrivalsAsync(
        WaitOptions options, TranscriptionJob first, Action<WaitSession> addLater)
    {
        var session = Waiter.Open(options, Progress);
        await using var results = session.RunAsync(CancellationToken.None).GetAsyncEnumerator();
        session.Add(first);
        Assert.True(await results.MoveNextAsync());
        var firstResult = results.Current;
        addLater(session);
        session.CompleteAdding();
        var rest = new List<WaitResult>();
        while (await results.MoveNextAsync())
        {
            rest.Add(results.Current);
        }

        return (session, firstResult, rest);
    }

    /// <summary>A job known only by kind and name, as Wait-TranscribeJob -Name finds one: nothing read yet.</summary>
    public static TranscriptionJob Named(JobKind kind, string name) => new() { Kind = kind, JobName = name, Status = JobStatus.Queued };
}

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ProgressLog : IProgress<WaitProgress>
{
    public List<WaitProgress> Reports { get; } = [];

    public void Report(WaitProgress value) => Reports.Add(value);
}
