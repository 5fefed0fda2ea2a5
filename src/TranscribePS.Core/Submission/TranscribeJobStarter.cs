using TranscribePS.Core.Aws;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Submission;

/// <summary>Starts planned jobs with the Transcribe client and maps the responses to pipeline jobs.</summary>
public sealed class TranscribeJobStarter : IJobStarter
{
    private readonly TranscribeClient _client;
    private readonly TranscribeJobs _jobs;

    public TranscribeJobStarter(TranscribeClient client, TranscribeJobs jobs)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(jobs);
        _client = client;
        _jobs = jobs;
    }

    public async Task<TranscriptionJob> StartAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        switch (plan)
        {
            case MedicalJobPlan medical:
                var medicalResponse = await _client.StartMedicalTranscriptionJobAsync(StartRequests.ForMedical(medical), cancellationToken).ConfigureAwait(false);
                return _jobs.FromMedical(medicalResponse.MedicalTranscriptionJob, plan.JobName);
            case CallAnalyticsJobPlan call:
                var callResponse = await _client.StartCallAnalyticsJobAsync(StartRequests.ForCallAnalytics(call), cancellationToken).ConfigureAwait(false);
                return _jobs.FromCallAnalytics(callResponse.CallAnalyticsJob, plan.JobName);
            case MedicalScribeJobPlan scribe:
                var scribeResponse = await _client.StartMedicalScribeJobAsync(StartRequests.ForScribe(scribe), cancellationToken).ConfigureAwait(false);
                return _jobs.FromScribe(scribeResponse.MedicalScribeJob, plan.JobName);
            case StandardJobPlan standard:
                var standardResponse = await _client.StartTranscriptionJobAsync(StartRequests.ForStandard(standard), cancellationToken).ConfigureAwait(false);
                return _jobs.FromStandard(standardResponse.TranscriptionJob, plan.JobName);
            default:
                throw new ArgumentException("No starter for " + plan.GetType().Name + ".", nameof(plan));
        }
    }
}
