using System.Globalization;
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

    public static string WaitJobFailed(string jobName, string? failureReason) => string.IsNullOrWhiteSpace(failureReason)
        ? string.Create(CultureInfo.InvariantCulture, $"Transcribe job '{jobName}' failed without giving a reason. Check the recording's format and length, then start a new job for it.")
        : string.Create(CultureInfo.InvariantCulture, $"Transcribe job '{jobName}' failed: {failureReason}. Fix the recording or the job settings, then start a new job for it.");

    public static string WaitJobTimedOut(string jobName, JobStatus? lastStatus, TimeSpan timeout) => string.Create(
        CultureInfo.InvariantCulture,
        $"Transcribe job '{jobName}' had not finished when the wait gave up after {DescribeWaitTimeout(timeout)} (last seen {(lastStatus is { } s ? s.ToWire() : "before any answer from the service")}). The job keeps running in the service: wait again with Wait-TranscribeJob -Name '{jobName}' and a longer -Timeout.");

    public static string WaitTimeoutInvalid(TimeSpan value) => string.Create(
        CultureInfo.InvariantCulture,
        $"Timeout {value} cannot work: give a positive time span such as 06:00:00, or [System.Threading.Timeout]::InfiniteTimeSpan to wait without a deadline.");

    public static string WaitPollIntervalInvalid(TimeSpan value) => string.Create(
        CultureInfo.InvariantCulture,
        $"PollInterval {value} cannot work: give a positive time span such as 00:00:10.");

    public static string WaitMaxPollIntervalInvalid(TimeSpan value) => string.Create(
        CultureInfo.InvariantCulture,
        $"MaxPollInterval {value} cannot work: give a positive time span such as 00:01:00.");

    public static string WaitBackoffFactorInvalid(double value) => string.Create(
        CultureInfo.InvariantCulture,
        $"BackoffFactor {value} cannot work: give a number from 1 (constant gap) to 10.");

    public static string WaitJitterInvalid(double value) => string.Create(
        CultureInfo.InvariantCulture,
        $"Jitter {value} cannot work: give a fraction from 0 to 0.5 (0.2 spreads each gap by ±20%).");

    public static string WaitCallRateInvalid(string setting, double value) => string.Create(
        CultureInfo.InvariantCulture,
        $"{setting} {value} cannot work: give a positive number of calls per second, well under the service quota.");

    /// <summary>"6 h", "1 h 30 min", "45 s": how a sysadmin reads a timeout.</summary>
    private static string DescribeWaitTimeout(TimeSpan span)
    {
        var parts = new List<string>();
        if ((int)span.TotalHours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min"));
        }

        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s"));
        }

        return string.Join(' ', parts);
    }
}
