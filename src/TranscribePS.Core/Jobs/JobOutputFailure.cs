using TranscribePS.Core.Aws;
using TranscribePS.Core.Storage;
using TranscribePS.Core.Transcripts;

namespace TranscribePS.Core.Jobs;

/// <summary>
/// A failure to read an output file a job wrote, reworded to name the job and say what to do: an output gone from S3,
/// or one that is not a whole transcript, cannot be fixed by reading again, but a broken connection can. The type,
/// kind and error code stay, so the ErrorId does too.
/// </summary>
public static class JobOutputFailure
{
    /// <inheritdoc cref="Describe(TranscriptionJob, string, Exception)"/>
    public static AwsServiceException Describe(TranscriptionJob job, string location, AwsServiceException failure)
        => (AwsServiceException)Describe(job, location, (Exception)failure);

    /// <param name="job">The job whose output was read.</param>
    /// <param name="location">The output's URI; messages name it as s3://bucket/key (never a pre-signed query).</param>
    /// <param name="failure">What reading it threw.</param>
    /// <returns>The reworded failure, or <paramref name="failure"/> itself when there is nothing to add (a local file's problems).</returns>
    public static Exception Describe(TranscriptionJob job, string location, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(failure);
        var remove = $"Remove-TranscribeJob -Name '{job.JobName}' -Kind {job.Kind}";
        location = S3Location.TryParse(location, out var parsed, out _) ? parsed.ToString() : location;
        return failure switch
        {
            S3Exception { Kind: AwsErrorKind.NotFound } gone when gone.ErrorCode is not "NoSuchBucket" =>
                new S3Exception(gone.Kind, Messages.JobOutputGone(job.JobName, location, remove), gone.ErrorCode, gone.StatusCode, gone.RequestId, gone),
            AwsServiceException other =>
                AwsErrors.Create(other.Service, other.Kind, Messages.JobOutputUnreadable(job.JobName, other.Message), other.ErrorCode, other.StatusCode, other.RequestId, other),
            TranscriptFormatException damaged =>
                new TranscriptFormatException(damaged.SourceName, Messages.JobOutputDamaged(job.JobName, location, damaged.Message, remove), damaged),
            _ => failure,
        };
    }
}
