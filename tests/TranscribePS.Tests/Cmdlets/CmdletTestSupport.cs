using Amazon.Runtime;
using TranscribePS.Core.Aws;
using TranscribePS.Core.Aws.Model;
using WireMedia = TranscribePS.Core.Aws.Model.Media;
using TranscribePS.Emulator.Hosting;
using TranscribePS.Emulator.Media;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

/// <summary>Points cmdlets at the emulator through their own AWS parameters, and seeds the emulator with jobs.</summary>
internal static class CmdletTestSupport
{
    public const string Bucket = "clinic-phi";

    public static T UseEmulator<T>(this T cmdlet, EmulatorServer server)
        where T : AwsCmdlet
    {
        var settings = server.Settings;
        cmdlet.EndpointUrl = settings.EndpointUrl;
        cmdlet.AccessKey = settings.AccessKeyId;
        cmdlet.SecretKey = settings.SecretAccessKey;
        cmdlet.Region = settings.Region;
        cmdlet.EnvironmentReader = _ => null;
        return cmdlet;
    }

    public static TranscribeClient Client(EmulatorServer server)
    {
        var settings = server.Settings;
        return new TranscribeClient(
            new TranscribeClientConfig { ServiceURL = settings.EndpointUrl, AuthenticationRegion = settings.Region },
            new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey));
    }

    /// <summary>Starts a medical job directly (as another tool would); 8 kHz audio makes the job fail.</summary>
    public static async Task StartMedicalAsync(EmulatorServer server, string jobName, int sampleRate = 16000)
    {
        server.Store.Put(Bucket, $"media/{jobName}.wav", SyntheticMedia.Wav(2, sampleRate));
        using var client = Client(server);
        await client.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
        {
            MedicalTranscriptionJobName = jobName,
            Media = new WireMedia { MediaFileUri = $"s3://{Bucket}/media/{jobName}.wav" },
            OutputBucketName = Bucket,
            Settings = new MedicalTranscriptionSetting { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
        }, CancellationToken.None);
    }

    public const string RoleArn = "arn:aws:iam::123456789012:role/HealthScribeAccess";

    /// <summary>Starts a HealthScribe job directly (as another tool would), speaker-partitioned.</summary>
    public static async Task StartScribeAsync(EmulatorServer server, string jobName, int seconds = 20)
    {
        server.Store.Put(Bucket, $"media/{jobName}.wav", SyntheticMedia.Wav(seconds, 16000));
        using var client = Client(server);
        await client.StartMedicalScribeJobAsync(new StartMedicalScribeJobRequest
        {
            MedicalScribeJobName = jobName,
            Media = new WireMedia { MediaFileUri = $"s3://{Bucket}/media/{jobName}.wav" },
            OutputBucketName = Bucket,
            DataAccessRoleArn = RoleArn,
            Settings = new MedicalScribeSettings { ShowSpeakerLabels = true, MaxSpeakerLabels = 2 },
        }, CancellationToken.None);
    }
}
