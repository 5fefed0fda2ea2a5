using TranscribePS.Core.Jobs;

namespace TranscribePS.Core;

/// <summary>Messages of the multi-job waiter (Wait-TranscribeJob and -Wait on the Start cmdlets).</summary>
public static partial class Messages
{
    public const string WaitJobNameMissing =
        "A job to wait for has no name. Pass jobs from Start-MedicalConversationJob, Start-CallAnalyticsJob or Get-TranscribeJob, or give -Name.";

    public const string WaitSessionClosed = "No job can join this wait: CompleteAdding was called.";

    public const string WaitSessionRunning = "This wait is already running: RunAsync can be called once per session.";

    public static string WaitJobCompleted(string jobName) => $"Transcribe job '{jobName}' completed.";

    /// <summary>A job that failed: said once, for the wait's error and for a rerun that finds it.</summary>
    public static string JobFailed(string jobName, string? failureReason)
        => (string.IsNullOrWhiteSpace(failureReason)
            ? $"Transcribe job '{jobName}' failed without giving a reason. Check the recording's format and length"
            : $"Transcribe job '{jobName}' failed: {Sentence(failureReason)} Fix the recording or the job's settings")
        + ", then run the same command again with -Force: a rerun without -Force reuses the failed job, -Force deletes it and starts a new one under the same name.";

    public static string WaitJobTimedOut(string jobName, JobStatus? lastStatus, TimeSpan timeout) => Text($"Transcribe job '{jobName}' had not finished when the wait gave up after {DescribeWaitTimeout(timeout)} (last seen {(lastStatus is { } s ? s.ToWire() : "before any answer from the service")}). The job keeps running in the service: wait again with Wait-TranscribeJob -Name '{jobName}' and a longer -Timeout.");

    public static string WaitJobAbandoned(string jobName, string error) => Text($"Stopped waiting for Transcribe job '{jobName}' before it finished: {error} The job keeps running in the service: once that is fixed, wait again with Wait-TranscribeJob -Name '{jobName}'.");

    public static string WaitTimeoutInvalid(TimeSpan value) => Text($"-Timeout {value} cannot work: give a positive time span such as 06:00:00, or [System.Threading.Timeout]::InfiniteTimeSpan to wait without a deadline.");

    public static string WaitPollIntervalInvalid(TimeSpan value) => Text($"-PollInterval {value} cannot work: give a positive time span such as 00:00:10.");

    public static string WaitMaxPollIntervalInvalid(TimeSpan value) => Text($"MaxPollInterval {value} cannot work: give a positive time span such as 00:01:00.");

    public static string WaitBackoffFactorInvalid(double value) => Text($"BackoffFactor {value} cannot work: give a number from 1 (constant gap) to 10.");

    public static string WaitJitterInvalid(double value) => Text($"Jitter {value} cannot work: give a fraction from 0 to 0.5 (0.2 spreads each gap by ±20%).");

    public static string WaitCallRateInvalid(string setting, double value) => Text($"{setting} {value} cannot work: give a positive number of calls per second, well under the service quota.");

    /// <summary>"6 h", "1 h 30 min", "45 s": how a sysadmin reads a timeout.</summary>
    private static string DescribeWaitTimeout(TimeSpan span)
    {
        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add(Text($"{(int)span.TotalHours} h"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(Text($"{span.Minutes} min"));
        }

        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(Text($"{span.Seconds} s"));
        }

        return string.Join(' ', parts);
    }
}
