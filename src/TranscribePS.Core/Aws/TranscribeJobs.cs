using System.Runtime.CompilerServices;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws;

/// <summary>The kind-agnostic job operations over <see cref="TranscribeClient"/>, producing pipeline <see cref="TranscriptionJob"/>s.</summary>
public sealed class TranscribeJobs(TranscribeClient client) : ITranscribeJobs
{
    private readonly TranscribeClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<TranscriptionJob> GetAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        return kind switch
        {
            JobKind.Medical => FromMedical((await _client.GetMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = jobName }, cancellationToken).ConfigureAwait(false)).MedicalTranscriptionJob, jobName),
            JobKind.CallAnalytics => FromCallAnalytics((await _client.GetCallAnalyticsJobAsync(new() { CallAnalyticsJobName = jobName }, cancellationToken).ConfigureAwait(false)).CallAnalyticsJob, jobName),
            JobKind.Standard => FromStandard((await _client.GetTranscriptionJobAsync(new() { TranscriptionJobName = jobName }, cancellationToken).ConfigureAwait(false)).TranscriptionJob, jobName),
            JobKind.Scribe => FromScribe((await _client.GetMedicalScribeJobAsync(new() { MedicalScribeJobName = jobName }, cancellationToken).ConfigureAwait(false)).MedicalScribeJob, jobName),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public async IAsyncEnumerable<TranscriptionJob> ListAsync(JobKind kind, JobStatus? status, string? jobNameContains, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrEmpty(jobNameContains) ? null : jobNameContains;
        switch (kind)
        {
            case JobKind.Medical:
                await foreach (var s in _client.ListAllMedicalTranscriptionJobsAsync(status, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return Summary(kind, s.MedicalTranscriptionJobName, s.TranscriptionJobStatus) with
                    {
                        IsSummary = true,
                        LanguageCode = s.LanguageCode, FailureReason = s.FailureReason,
                        CreationTime = s.CreationTime, StartTime = s.StartTime, CompletionTime = s.CompletionTime,
                    };
                }

                break;
            case JobKind.CallAnalytics:
                await foreach (var s in _client.ListAllCallAnalyticsJobsAsync(status, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return Summary(kind, s.CallAnalyticsJobName, s.CallAnalyticsJobStatus) with
                    {
                        IsSummary = true,
                        LanguageCode = s.LanguageCode, FailureReason = s.FailureReason,
                        SkippedFeatures = SkippedFeature.From(s.CallAnalyticsJobDetails?.Skipped),
                        CreationTime = s.CreationTime, StartTime = s.StartTime, CompletionTime = s.CompletionTime,
                    };
                }

                break;
            case JobKind.Standard:
                await foreach (var s in _client.ListAllTranscriptionJobsAsync(status, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return Summary(kind, s.TranscriptionJobName, s.TranscriptionJobStatus) with
                    {
                        IsSummary = true,
                        LanguageCode = s.LanguageCode, FailureReason = s.FailureReason,
                        CreationTime = s.CreationTime, StartTime = s.StartTime, CompletionTime = s.CompletionTime,
                    };
                }

                break;
            case JobKind.Scribe:
                await foreach (var s in _client.ListAllMedicalScribeJobsAsync(status, filter, cancellationToken).ConfigureAwait(false))
                {
                    yield return Summary(kind, s.MedicalScribeJobName, s.MedicalScribeJobStatus) with
                    {
                        IsSummary = true,
                        LanguageCode = s.LanguageCode, FailureReason = s.FailureReason,
                        CreationTime = s.CreationTime, StartTime = s.StartTime, CompletionTime = s.CompletionTime,
                    };
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public Task DeleteAsync(JobKind kind, string jobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobName);
        return kind switch
        {
            JobKind.Medical => _client.DeleteMedicalTranscriptionJobAsync(new() { MedicalTranscriptionJobName = jobName }, cancellationToken),
            JobKind.CallAnalytics => _client.DeleteCallAnalyticsJobAsync(new() { CallAnalyticsJobName = jobName }, cancellationToken),
            JobKind.Standard => _client.DeleteTranscriptionJobAsync(new() { TranscriptionJobName = jobName }, cancellationToken),
            JobKind.Scribe => _client.DeleteMedicalScribeJobAsync(new() { MedicalScribeJobName = jobName }, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Maps a Get/Start response of a medical job.</summary>
    public TranscriptionJob FromMedical(MedicalTranscriptionJob? job, string requestedName)
    {
        var found = job ?? throw MissingJob(requestedName);
        return Summary(JobKind.Medical, found.MedicalTranscriptionJobName ?? requestedName, found.TranscriptionJobStatus) with
        {
            MediaUri = found.Media?.MediaFileUri,
            MediaFormat = found.MediaFormat,
            MediaSampleRateHertz = found.MediaSampleRateHertz,
            LanguageCode = found.LanguageCode,
            TranscriptUri = found.Transcript?.TranscriptFileUri,
            FailureReason = found.FailureReason,
            CreationTime = found.CreationTime,
            StartTime = found.StartTime,
            CompletionTime = found.CompletionTime,
            Tags = ToDictionary(found.Tags),
        };
    }

    /// <summary>Maps a Get/Start response of a call analytics job, preferring the redacted transcript when there is one.</summary>
    public TranscriptionJob FromCallAnalytics(CallAnalyticsJob? job, string requestedName)
    {
        var found = job ?? throw MissingJob(requestedName);
        var (transcript, unredacted) = TranscriptUris(found.Transcript);
        return Summary(JobKind.CallAnalytics, found.CallAnalyticsJobName ?? requestedName, found.CallAnalyticsJobStatus) with
        {
            MediaUri = found.Media?.MediaFileUri,
            RedactedMediaUri = found.Media?.RedactedMediaFileUri,
            MediaFormat = found.MediaFormat,
            MediaSampleRateHertz = found.MediaSampleRateHertz,
            LanguageCode = found.LanguageCode,
            TranscriptUri = transcript,
            UnredactedTranscriptUri = unredacted,
            FailureReason = found.FailureReason,
            SkippedFeatures = SkippedFeature.From(found.CallAnalyticsJobDetails?.Skipped),
            CreationTime = found.CreationTime,
            StartTime = found.StartTime,
            CompletionTime = found.CompletionTime,
            Tags = ToDictionary(found.Tags),
        };
    }

    /// <summary>Maps a Get/Start response of a standard job.</summary>
    public TranscriptionJob FromStandard(StandardTranscriptionJob? job, string requestedName)
    {
        var found = job ?? throw MissingJob(requestedName);
        var (transcript, unredacted) = TranscriptUris(found.Transcript);
        return Summary(JobKind.Standard, found.TranscriptionJobName ?? requestedName, found.TranscriptionJobStatus) with
        {
            MediaUri = found.Media?.MediaFileUri,
            MediaFormat = found.MediaFormat,
            MediaSampleRateHertz = found.MediaSampleRateHertz,
            LanguageCode = found.LanguageCode,
            TranscriptUri = transcript,
            UnredactedTranscriptUri = unredacted,
            SubtitleUris = found.Subtitles?.SubtitleFileUris ?? [],
            FailureReason = found.FailureReason,
            CreationTime = found.CreationTime,
            StartTime = found.StartTime,
            CompletionTime = found.CompletionTime,
            Tags = ToDictionary(found.Tags),
        };
    }

    /// <summary>Maps a Get/Start response of a HealthScribe job.</summary>
    public TranscriptionJob FromScribe(MedicalScribeJob? job, string requestedName)
    {
        var found = job ?? throw MissingJob(requestedName);
        return Summary(JobKind.Scribe, found.MedicalScribeJobName ?? requestedName, found.MedicalScribeJobStatus) with
        {
            MediaUri = found.Media?.MediaFileUri,
            LanguageCode = found.LanguageCode,
            TranscriptUri = found.MedicalScribeOutput?.TranscriptFileUri,
            ClinicalDocumentUri = found.MedicalScribeOutput?.ClinicalDocumentUri,
            FailureReason = found.FailureReason,
            CreationTime = found.CreationTime,
            StartTime = found.StartTime,
            CompletionTime = found.CompletionTime,
            Tags = ToDictionary(found.Tags),
        };
    }

    // With PII redaction the redacted file is in RedactedTranscriptFileUri and TranscriptFileUri holds the
    // unredacted one; the redacted file is the one a reader should get by default.
    private static (string? Transcript, string? Unredacted) TranscriptUris(JobTranscript? transcript)
    {
        var redacted = transcript?.RedactedTranscriptFileUri;
        var plain = transcript?.TranscriptFileUri;
        if (string.IsNullOrEmpty(redacted))
        {
            return (plain, null);
        }

        return (redacted, string.IsNullOrEmpty(plain) || plain == redacted ? null : plain);
    }

    private TranscriptionJob Summary(JobKind kind, string? name, JobStatus? status) => new()
    {
        JobName = name ?? throw new TranscribeException(AwsErrorKind.ServiceFault, Messages.JobWithoutName(kind.ToString())),
        Kind = kind,
        Status = status ?? throw new TranscribeException(AwsErrorKind.ServiceFault, Messages.JobWithoutStatus(name)),
        Region = _client.Region,
        EndpointUrl = _client.Endpoint,
    };

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<Tag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private static TranscribeException MissingJob(string name) =>
        new(AwsErrorKind.ServiceFault, Messages.JobMissingFromResponse(name));
}
