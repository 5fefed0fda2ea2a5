namespace TranscribePS.Core.Jobs;

/// <summary>
/// The kind-agnostic view of the Transcribe job operations that waiting, listing and removal need.
/// Implemented over the real client by <c>TranscribeJobs</c>; unit tests of Core logic may fake it.
/// Every failure is a <see cref="TranscribePS.Core.Aws.TranscribeException"/>.
/// </summary>
public interface ITranscribeJobs
{
    Task<TranscriptionJob> GetAsync(JobKind kind, string jobName, CancellationToken cancellationToken);

    /// <summary>Streams summaries page by page (MaxResults=100), newest first as the service returns them.</summary>
    IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, string? jobNameContains, CancellationToken cancellationToken);

    Task DeleteAsync(JobKind kind, string jobName, CancellationToken cancellationToken);
}
