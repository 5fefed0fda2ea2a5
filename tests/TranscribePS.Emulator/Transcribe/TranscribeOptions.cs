namespace TranscribePS.Emulator.Transcribe;

/// <summary>How fast emulated jobs move through QUEUED → IN_PROGRESS → COMPLETED/FAILED.</summary>
public enum TranscribeTimingMode
{
    /// <summary>A job finishes the first time any job is read back (Get or List) after it started.</summary>
    Instant,

    /// <summary>A queue delay, then processing time that grows with the audio's duration, on the emulator's clock.</summary>
    Realistic,
}

/// <summary>The four job families; each has its own operations and its own concurrent-job quota.</summary>
public enum TranscribeJobFamily
{
    Standard,
    Medical,
    CallAnalytics,
    Scribe,
}

/// <summary>Settings of the Transcribe half of the emulator (job timing, concurrent-job quotas).</summary>
public sealed class TranscribeOptions
{
    public TranscribeTimingMode TimingMode { get; set; } = TranscribeTimingMode.Instant;

    /// <summary>Realistic mode: how long a job admitted to run stays QUEUED before IN_PROGRESS.</summary>
    public TimeSpan QueueDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Realistic mode: processing time of any job, before the part that grows with the audio.</summary>
    public TimeSpan BaseProcessingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Realistic mode: processing seconds per second of audio (real jobs take a fraction of real time).</summary>
    public double ProcessingFactor { get; set; } = 0.25;

    /// <summary>Concurrent jobs per family (the service's default quotas); Start beyond it answers LimitExceededException.</summary>
    public int MaxConcurrentStandardJobs { get; set; } = 250;

    public int MaxConcurrentMedicalJobs { get; set; } = 250;

    public int MaxConcurrentCallAnalyticsJobs { get; set; } = 100;

    public int MaxConcurrentScribeJobs { get; set; } = 100;

    /// <summary>The account the output files and service-bucket keys name.</summary>
    public string AccountId { get; set; } = "123456789012";

    internal int ConcurrentLimit(TranscribeJobFamily family) => family switch
    {
        TranscribeJobFamily.Standard => MaxConcurrentStandardJobs,
        TranscribeJobFamily.Medical => MaxConcurrentMedicalJobs,
        TranscribeJobFamily.CallAnalytics => MaxConcurrentCallAnalyticsJobs,
        _ => MaxConcurrentScribeJobs,
    };

    internal void SetConcurrentLimit(TranscribeJobFamily family, int limit)
    {
        switch (family)
        {
            case TranscribeJobFamily.Standard:
                MaxConcurrentStandardJobs = limit;
                break;
            case TranscribeJobFamily.Medical:
                MaxConcurrentMedicalJobs = limit;
                break;
            case TranscribeJobFamily.CallAnalytics:
                MaxConcurrentCallAnalyticsJobs = limit;
                break;
            default:
                MaxConcurrentScribeJobs = limit;
                break;
        }
    }
}
