using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Core.Storage;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Jobs;

/// <summary>The remover and the lookup over the real client, S3 transfer and the emulator.</summary>
public sealed class JobRemoverEmulatorTests(EmulatorFixture fixture) : EmulatorTest(fixture), IDisposable
{
    private readonly TranscribeClient _client = new(
        new TranscribeClientConfig { ServiceURL = fixture.Settings.EndpointUrl, AuthenticationRegion = fixture.Settings.Region },
        new BasicAWSCredentials(fixture.Settings.AccessKeyId, fixture.Settings.SecretAccessKey));

    private readonly string _folder = Directory.CreateTempSubdirectory("tps-remover-").FullName;

    public void Dispose()
    {
        _client.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Remove_with_media_deletes_outputs_then_our_upload_then_the_job()
    {
        var (jobs, transfer) = Services();
        var media = await UploadAsync(transfer, "visit-a.wav");
        var job = await StartAndFinishAsync(jobs, "visit-a", media.ToString());
        var remover = new JobRemover(jobs, transfer);

        var removal = await remover.PlanAsync(job, new RemovalScope(Outputs: true, Media: true), current: false, CancellationToken.None);
        var deleted = new List<string>();
        await remover.RemoveAsync(removal, l => deleted.Add(l.ToString()), CancellationToken.None);

        Assert.Equal([S3Location.Parse(job.TranscriptUri!).ToString(), media.ToString()], deleted);
        Assert.Empty(removal.Kept);
        Assert.Null(await transfer.HeadAsync(media, CancellationToken.None));
        Assert.Null(await transfer.HeadAsync(S3Location.Parse(job.TranscriptUri!), CancellationToken.None));
        Assert.Null(await new JobLookup(jobs).FindAsync("visit-a", [JobKind.Medical], CancellationToken.None));
    }

    [Fact]
    public async Task A_recording_this_module_did_not_upload_stays_and_says_why()
    {
        var (jobs, transfer) = Services();
        Server.Store.Put("clinic-in", "theirs/visit-b.wav", SyntheticMedia.Wav(2));
        var job = await StartAndFinishAsync(jobs, "visit-b", "s3://clinic-in/theirs/visit-b.wav");
        var remover = new JobRemover(jobs, transfer);

        var removal = await remover.PlanAsync(job, new RemovalScope(Outputs: false, Media: true), current: false, CancellationToken.None);
        await remover.RemoveAsync(removal, null, CancellationToken.None);

        Assert.Empty(removal.Objects);
        var kept = Assert.Single(removal.Kept);
        Assert.Equal("s3://clinic-in/theirs/visit-b.wav", kept.Uri);
        Assert.Contains("not uploaded by TranscribePS", kept.Reason, StringComparison.Ordinal);
        Assert.NotNull(await transfer.HeadAsync(S3Location.Parse(kept.Uri), CancellationToken.None));
    }

    [Fact]
    public async Task A_summary_is_read_again_so_its_outputs_are_known()
    {
        var (jobs, transfer) = Services();
        var media = await UploadAsync(transfer, "visit-c.wav");
        var job = await StartAndFinishAsync(jobs, "visit-c", media.ToString());
        var summary = await jobs.ListAsync(JobKind.Medical, null, "visit-c", CancellationToken.None).SingleAsync();

        var removal = await new JobRemover(jobs, transfer).PlanAsync(summary, new RemovalScope(Outputs: true, Media: false), current: true, CancellationToken.None);

        Assert.True(summary.IsSummary);
        Assert.Equal([S3Location.Parse(job.TranscriptUri!)], removal.Objects);
    }

    [Fact]
    public async Task A_described_removal_cannot_be_carried_out()
    {
        var (jobs, transfer) = Services();
        var job = new TranscriptionJob { JobName = "x", Kind = JobKind.Medical, Status = JobStatus.Completed };

        await Assert.ThrowsAsync<ArgumentException>(() => new JobRemover(jobs, transfer).RemoveAsync(JobRemover.Describe(job, default), null, CancellationToken.None));
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public async Task Lookup_lists_a_pattern_with_the_service_filter_and_reads_each_match_in_full()
    {
        var (jobs, transfer) = Services();
        var media = await UploadAsync(transfer, "visit-d.wav");
        foreach (var name in new[] { "visit1-a", "visit1-b", "visit10-c", "visit2-a" })
        {
            await StartAndFinishAsync(jobs, name, media.ToString());
        }

        Server.Requests.Reset();
        var found = await new JobLookup(jobs, getCallsPerSecond: 1000).ListAsync(JobKind.Medical, null, Core.NamePattern.Parse("visit1-?", Core.NameKind.Job), details: true, CancellationToken.None).ToListAsync();

        Assert.Equal(["visit1-a", "visit1-b"], found.Select(j => j.JobName).Order());
        Assert.All(found, j => Assert.False(j.IsSummary));
        Assert.All(found, j => Assert.NotNull(j.TranscriptUri));
        Assert.Equal(1, Server.Requests["ListMedicalTranscriptionJobs"]);
        Assert.Equal(2, Server.Requests["GetMedicalTranscriptionJob"]);
    }

    private (TranscribeJobs Jobs, S3Transfer Transfer) Services() => (new TranscribeJobs(_client), new S3Transfer(Fixture.CreateS3Client()));

    private async Task<S3Location> UploadAsync(S3Transfer transfer, string fileName)
    {
        var path = Path.Combine(_folder, fileName);
        await File.WriteAllBytesAsync(path, SyntheticMedia.Wav(2));
        var sha = await S3Transfer.HashFileAsync(new FileInfo(path), CancellationToken.None);
        var key = JobNaming.UploadKey("media/", fileName, sha);
        return (await transfer.UploadAsync(path, "clinic-in", key, null, CancellationToken.None)).Location;
    }

    private async Task<TranscriptionJob> StartAndFinishAsync(TranscribeJobs jobs, string name, string mediaUri)
    {
        await _client.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = name,
            Media = new Media { MediaFileUri = mediaUri },
            OutputBucketName = "clinic-out",
            Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
        }, CancellationToken.None);

        // Instant timing: the job finishes at its first read.
        await jobs.GetAsync(JobKind.Medical, name, CancellationToken.None);
        return await jobs.GetAsync(JobKind.Medical, name, CancellationToken.None);
    }
}
