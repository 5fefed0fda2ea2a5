using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3.Model;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;
using TranscribePS.Emulator.Media;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.AgainstEmulator;

/// <summary>The Transcribe emulator behind the real HTTP host, driven by SigV4-signing SDK clients.</summary>
public sealed class OverHttpTests : EmulatorTest, IDisposable
{
    private readonly TranscribeClient _client;

    public OverHttpTests(EmulatorFixture fixture)
        : base(fixture)
    {
        Server.Transcribe.Reset();
        _client = new TranscribeClient(
            new TranscribeClientConfig { ServiceURL = Fixture.Settings.EndpointUrl, AuthenticationRegion = Fixture.Settings.Region, MaxErrorRetry = 0 },
            new BasicAWSCredentials(Fixture.Settings.AccessKeyId, Fixture.Settings.SecretAccessKey));
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Medical_job_round_trips_through_the_signed_client_and_s3()
    {
        using var s3 = Fixture.CreateS3Client();
        using (var wav = new MemoryStream(SyntheticMedia.Wav(30)))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "media-in", Key = "visits/visit-1.wav", InputStream = wav });
        }

        var started = await _client.StartMedicalTranscriptionJobAsync(
            new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = "http-visit",
                Media = new Media { MediaFileUri = "s3://media-in/visits/visit-1.wav" },
                OutputBucketName = "transcripts-out",
                Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
            },
            CancellationToken.None);
        Assert.Equal(JobStatus.InProgress, started.MedicalTranscriptionJob!.TranscriptionJobStatus);

        var job = (await _client.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "http-visit" }, CancellationToken.None)).MedicalTranscriptionJob!;
        Assert.Equal(JobStatus.Completed, job.TranscriptionJobStatus);
        Assert.InRange(job.CompletionTime!.Value, job.StartTime!.Value, Server.Transcribe.Now);
        Assert.Equal($"https://s3.{Fixture.Settings.Region}.amazonaws.com/transcripts-out/medical/http-visit.json", job.Transcript!.TranscriptFileUri);

        using var transcript = await s3.GetObjectAsync("transcripts-out", "medical/http-visit.json");
        var document = await JsonNode.ParseAsync(transcript.ResponseStream);
        Assert.Equal("http-visit", document!["jobName"]!.GetValue<string>());
        Assert.NotEmpty(document["results"]!["speaker_labels"]!["segments"]!.AsArray());
    }

    [Fact]
    public async Task Service_errors_reach_the_client_with_their_modelled_types()
    {
        var missing = await Assert.ThrowsAsync<TranscribeException>(() =>
            _client.GetCallAnalyticsJobAsync(new GetCallAnalyticsJobRequest { CallAnalyticsJobName = "never-started" }, CancellationToken.None));
        Assert.Equal("BadRequestException", missing.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, missing.Kind);

        var invalid = await Assert.ThrowsAsync<TranscribeException>(() =>
            _client.StartCallAnalyticsJobAsync(
                new StartCallAnalyticsJobRequest { CallAnalyticsJobName = "bad call", Media = new Media { MediaFileUri = "s3://media-in/call.wav" } },
                CancellationToken.None));
        Assert.Equal(AwsErrorKind.BadRequest, invalid.Kind);
        Assert.Contains("callAnalyticsJobName", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_pages_through_every_job_with_the_clients_paging()
    {
        Server.Store.Put("media-in", "call.wav", SyntheticMedia.Wav(10, 8000, 2));
        for (int i = 0; i < 7; i++)
        {
            await _client.StartCallAnalyticsJobAsync(
                new StartCallAnalyticsJobRequest { CallAnalyticsJobName = $"paged-{i}", Media = new Media { MediaFileUri = "s3://media-in/call.wav" }, OutputLocation = "s3://transcripts-out/" },
                CancellationToken.None);
        }

        var names = new List<string>();
        await foreach (var summary in _client.ListAllCallAnalyticsJobsAsync(JobStatus.Completed, "paged", CancellationToken.None))
        {
            names.Add(summary.CallAnalyticsJobName!);
        }

        Assert.Equal(7, names.Count);
        Assert.Equal("paged-6", names[0]);
    }
}
