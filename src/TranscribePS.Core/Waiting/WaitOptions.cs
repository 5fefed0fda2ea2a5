namespace TranscribePS.Core.Waiting;

/// <summary>How long and how often <see cref="JobWaiter"/> polls, and how hard it may press the service.</summary>
public sealed record WaitOptions
{
    /// <summary>
    /// Six hours: a medical job may carry a 4-hour recording, and call analytics jobs queued over the concurrency
    /// quota (DataAccessRoleArn) wait for a slot before they start. The CLI waiters' 30 minutes is too short for that.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits without a deadline.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The gap between polls, and the floor it steps back to after throttling: a finish is seen within it. The CLI waiters use 10 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The ceiling the gap grows to while the service throttles or faults. A <see cref="PollInterval"/> above it raises
    /// the ceiling to the poll interval.
    /// </summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The gap is multiplied by this after each throttled (or faulted) cycle and divided by it after any other.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>Each gap is spread by up to this fraction either way, so scheduled tasks started together drift apart.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>
    /// Client-side pace for Get* calls: five sixths of the service's 30 TPS, leaving the rest to other tools. Each
    /// finished job costs one Get, so this is how many jobs a second a large batch can leave the wait: it must outrun
    /// the Start pace (24 a second), or a batch through Start | Wait ends long after its last job did (at 15 a
    /// second, 1,000 jobs left the wait 34 s after the last one finished).
    /// </summary>
    public double MaxGetCallsPerSecond { get; init; } = 25;

    /// <summary>
    /// The Get pace for call analytics jobs, whose Get quota is 20 TPS: three quarters of it. Never above
    /// <see cref="MaxGetCallsPerSecond"/>.
    /// </summary>
    public double CallAnalyticsMaxGetCallsPerSecond { get; init; } = 15;

    /// <summary>The Get pace for jobs of a kind.</summary>
    public double GetCallsPerSecond(Jobs.JobKind kind) =>
        kind == Jobs.JobKind.CallAnalytics ? Math.Min(CallAnalyticsMaxGetCallsPerSecond, MaxGetCallsPerSecond) : MaxGetCallsPerSecond;

    /// <summary>Client-side pace for List* calls (one per page), three fifths of the service's 5 TPS.</summary>
    public double MaxListCallsPerSecond { get; init; } = 3;

    /// <summary>The ceiling actually used: never below the poll interval.</summary>
    internal TimeSpan EffectiveMaxPollInterval => MaxPollInterval > PollInterval ? MaxPollInterval : PollInterval;

    internal bool HasDeadline => Timeout != System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>Throws <see cref="WaitOptionsException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero && HasDeadline)
        {
            throw new WaitOptionsException(Messages.WaitTimeoutInvalid(Timeout), nameof(Timeout));
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new WaitOptionsException(Messages.WaitPollIntervalInvalid(PollInterval), nameof(PollInterval));
        }

        if (MaxPollInterval <= TimeSpan.Zero)
        {
            throw new WaitOptionsException(Messages.WaitMaxPollIntervalInvalid(MaxPollInterval), nameof(MaxPollInterval));
        }

        if (!(BackoffFactor >= 1.0 && BackoffFactor <= 10.0))
        {
            throw new WaitOptionsException(Messages.WaitBackoffFactorInvalid(BackoffFactor), nameof(BackoffFactor));
        }

        if (!(Jitter >= 0.0 && Jitter <= 0.5))
        {
            throw new WaitOptionsException(Messages.WaitJitterInvalid(Jitter), nameof(Jitter));
        }

        if (!(MaxGetCallsPerSecond > 0 && double.IsFinite(MaxGetCallsPerSecond)))
        {
            throw new WaitOptionsException(Messages.WaitCallRateInvalid(nameof(MaxGetCallsPerSecond), MaxGetCallsPerSecond), nameof(MaxGetCallsPerSecond));
        }

        if (!(CallAnalyticsMaxGetCallsPerSecond > 0 && double.IsFinite(CallAnalyticsMaxGetCallsPerSecond)))
        {
            throw new WaitOptionsException(Messages.WaitCallRateInvalid(nameof(CallAnalyticsMaxGetCallsPerSecond), CallAnalyticsMaxGetCallsPerSecond), nameof(CallAnalyticsMaxGetCallsPerSecond));
        }

        if (!(MaxListCallsPerSecond > 0 && double.IsFinite(MaxListCallsPerSecond)))
        {
            throw new WaitOptionsException(Messages.WaitCallRateInvalid(nameof(MaxListCallsPerSecond), MaxListCallsPerSecond), nameof(MaxListCallsPerSecond));
        }
    }
}

/// <summary>
/// A wait setting that cannot work. An <see cref="ArgumentException"/> whose <see cref="Message"/> is the sentence
/// alone: the cmdlet shows it as is, without " (Parameter 'Timeout')" appended.
/// </summary>
public sealed class WaitOptionsException : ArgumentException
{
    private readonly string _message;

    public WaitOptionsException(string message, string setting)
        : base(message, setting) => _message = message;

    public override string Message => _message;
}
